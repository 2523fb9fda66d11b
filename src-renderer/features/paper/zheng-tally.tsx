import { zhengCharacters, zhengStrokeSegments } from '../../../shared/domain/voting/zheng';

/**
 * A running count in 正 strokes, drawn as lines (a partial 正 has no glyph in any font), five to
 * a character, the last one partial. The whole count is read out by its label; the strokes are
 * for the eye. `size` is the height of one character in CSS units (vw on the projector).
 */
export function ZhengTally({ count, label, size = '4.6vw', className }: { count: number; label: string; size?: string; className?: string }) {
  const characters = zhengCharacters(count);
  return (
    <span className={className ? `zheng-tally ${className}` : 'zheng-tally'} role="img" aria-label={label} data-count={count}>
      {characters.map((strokes, index) => (
        <svg key={index} viewBox="0 0 100 100" style={{ width: size, height: size }} aria-hidden="true" data-strokes={strokes}>
          {zhengStrokeSegments(strokes).map((stroke, order) => (
            <line key={order} x1={stroke.x1} y1={stroke.y1} x2={stroke.x2} y2={stroke.y2} stroke="currentColor" strokeWidth={9} strokeLinecap="round" />
          ))}
        </svg>
      ))}
    </span>
  );
}
