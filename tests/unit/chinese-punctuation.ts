/**
 * The rule of Chinese text: punctuation touching a Chinese character is full-width （：，；？！（））.
 * Numbers, times (19:00), household codes (3-2-501) and web addresses touch no Chinese character
 * with their ASCII marks, so the rule leaves them alone without a list of exceptions.
 */
const chinese = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Each ASCII : , ; ? ! ( ) that touches a Chinese character, with the few characters around it. */
export function asciiPunctuationTouchingChinese(text: string): string[] {
  const chars = Array.from(text.replace(/https?:\/\/\S+/g, 'URL'));
  const found: string[] = [];
  chars.forEach((char, index) => {
    if (!':,;?!()'.includes(char)) return;
    if (chinese.test(chars[index - 1] ?? '') || chinese.test(chars[index + 1] ?? '')) {
      found.push(chars.slice(Math.max(0, index - 6), index + 7).join(''));
    }
  });
  return found;
}
