import { InputField } from "../../ui/field";

export interface AccountInput {
  readonly first_name: string;
  readonly last_name: string;
  readonly email: string;
  readonly password: string;
}

export const emptyAccount: AccountInput = { first_name: "", last_name: "", email: "", password: "" };

/** The fields of a new account (sign-up and first-run setup), with the API's field errors. */
export function AccountFields({
  value,
  onChange,
  errors,
}: {
  value: AccountInput;
  onChange: (next: AccountInput) => void;
  errors: Record<string, string>;
}) {
  const set = (key: keyof AccountInput) => (event: { target: { value: string } }) =>
    onChange({ ...value, [key]: event.target.value });
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="First name"
          autoComplete="given-name"
          required
          value={value.first_name}
          onChange={set("first_name")}
          error={errors.first_name}
        />
        <InputField
          label="Last name"
          autoComplete="family-name"
          required
          value={value.last_name}
          onChange={set("last_name")}
          error={errors.last_name}
        />
      </div>
      <InputField
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={value.email}
        onChange={set("email")}
        error={errors.email}
      />
      <InputField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={set("password")}
        hint="At least 8 characters, with an upper-case letter, a lower-case letter and a digit."
        error={errors.password}
      />
    </>
  );
}
