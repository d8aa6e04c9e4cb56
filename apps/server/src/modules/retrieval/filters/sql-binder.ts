/** Appends a value to the statement's parameters and returns its typed placeholder (`$n::cast`). */
export type Bind = (value: unknown, cast: string) => string;

export function binderFor(params: unknown[]): Bind {
  return (value, cast) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
}
