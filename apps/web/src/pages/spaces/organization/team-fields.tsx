import { InputField, TextAreaField } from "../../../ui/field";

export interface TeamInput {
  readonly name: string;
  readonly description: string;
}

/** A team's name and description (creating and renaming). */
export function TeamFields({
  value,
  onChange,
  errors,
}: {
  value: TeamInput;
  onChange: (next: TeamInput) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <InputField
        label="Team name"
        required
        maxLength={100}
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.target.value })}
        error={errors.name}
      />
      <TextAreaField
        label="Team description (optional)"
        rows={2}
        maxLength={500}
        value={value.description}
        onChange={(e) => onChange({ ...value, description: e.target.value })}
        error={errors.description}
      />
    </>
  );
}
