/**
 * people.roles as raw SQL reads it: the JSON text of the column (drizzle parses it for its own
 * queries). Anything but a JSON array reads as no roles.
 */
export function rolesInColumn(raw: string): string[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
