/** Builds a small value that satisfies a simple JSON schema, so structured-output clients can parse it. */
type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function resolveRef(ref: string, root: Schema): Schema {
  // Only local refs (#/$defs/x, #/definitions/x) appear in SDK-generated schemas.
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, "").split("/")) {
    node = isSchema(node) ? node[part] : undefined;
  }
  return isSchema(node) ? node : {};
}

function firstType(schema: Schema): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === "string" && t !== "null");
  return undefined;
}

export function exampleForSchema(
  schema: unknown,
  root: Schema = isSchema(schema) ? schema : {},
  depth = 0,
): unknown {
  if (!isSchema(schema) || depth > 8) return null;
  if (typeof schema.$ref === "string")
    return exampleForSchema(resolveRef(schema.$ref, root), root, depth + 1);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const usable = options.find((option) => isSchema(option) && option.type !== "null") ?? options[0];
      return exampleForSchema(usable, root, depth + 1);
    }
  }
  switch (firstType(schema) ?? (isSchema(schema.properties) ? "object" : undefined)) {
    case "string":
      return "example";
    case "number":
    case "integer":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      const min = typeof schema.minItems === "number" ? schema.minItems : 1;
      return Array.from({ length: Math.max(min, 1) }, () => exampleForSchema(schema.items, root, depth + 1));
    }
    case "object": {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required)
        ? schema.required.filter((name): name is string => typeof name === "string")
        : Object.keys(properties);
      return Object.fromEntries(
        required.map((name) => [name, exampleForSchema(properties[name], root, depth + 1)]),
      );
    }
    default:
      return null;
  }
}
