export type Messages = { [key: string]: string | Messages };

/**
 * Each area keeps its strings beside its pages (features/<area>/<area>.<language>.json; the shell's
 * and the common words in app/app.<language>.json). Each file owns whole top-level namespaces
 * (tests/unit/i18n-keys.test.ts checks that no namespace is in two files), so composing is joining.
 */
export function joinMessages(files: Record<string, Messages>): Messages {
  const joined: Messages = {};
  for (const content of Object.values(files)) Object.assign(joined, content);
  return joined;
}
