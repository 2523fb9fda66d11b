/** A time of day as the door shows it and the paper has it: 19:05. */
export const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
