/** The name and colour others see at this person's cursor: asked once, remembered in this browser. */
const nameKey = 'courtyard.minutes.name';
const colorKey = 'courtyard.minutes.color';

/** Calm, clearly different colours that keep dark text readable on their light tint. */
const cursorColors = ['#d9480f', '#1971c2', '#2f9e44', '#9c36b5', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4'];

export function savedName(): string | null {
  const name = localStorage.getItem(nameKey)?.trim();
  return name ? name : null;
}

export function saveName(name: string): void {
  localStorage.setItem(nameKey, name.trim().slice(0, 40));
}

export function savedColor(): string {
  const saved = localStorage.getItem(colorKey);
  if (saved && cursorColors.includes(saved)) return saved;
  const color = cursorColors[Math.floor(Math.random() * cursorColors.length)]!;
  localStorage.setItem(colorKey, color);
  return color;
}
