/** The step names a council shows: its own renamed steps if it set six of them, else its template's. */
import { processTemplates, stepCount, type ProcessTemplateId } from './templates';

export function councilStepNames(template: ProcessTemplateId, overrideJson: string | null): string[] {
  const defaults = [...processTemplates[template].steps];
  if (!overrideJson) return defaults;
  try {
    const parsed: unknown = JSON.parse(overrideJson);
    if (Array.isArray(parsed) && parsed.length === stepCount) {
      return parsed.map((name, index) => (typeof name === 'string' && name.trim() ? name.trim() : defaults[index]!));
    }
  } catch {
    // A damaged override falls back to the template: the names are labels, not data.
  }
  return defaults;
}
