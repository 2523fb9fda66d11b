/** A moment as the counting table says it: 12月6日 20:14 (local time). */
export function dayAndTime(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getMonth() + 1}月${moment.getDate()}日 ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}
