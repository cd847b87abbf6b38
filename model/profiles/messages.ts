/** Error message templates of the fact table (`errorMessages`): `{name}` etc. stand for the names. */
export function fillMessage(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
