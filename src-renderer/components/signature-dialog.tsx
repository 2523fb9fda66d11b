import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import { Dialog } from './dialog';
import { inkBox, type Box } from './signature-crop';

interface SignatureDialogProps {
  name: string;
  onDone: (pngBase64: string) => void;
  onCancel: () => void;
  /** Wording for uses other than signing in at the door (e.g. signing the minutes). */
  title?: string;
  help?: string;
  confirmLabel?: string;
}

/** The canvas's ink as a PNG (base64, no data: prefix), cropped to `box` (CSS pixels on a canvas drawn at `ratio`). */
function croppedPng(canvas: HTMLCanvasElement, box: Box, ratio: number): string {
  const out = document.createElement('canvas');
  out.width = Math.round(box.width * ratio);
  out.height = Math.round(box.height * ratio);
  out.getContext('2d')?.drawImage(canvas, box.x * ratio, box.y * ratio, out.width, out.height, 0, 0, out.width, out.height);
  return out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/** Captures a handwritten signature with the touchpad, a mouse or a finger on a tablet. */
export function SignatureDialog({ name, onDone, onCancel, title, help, confirmLabel }: SignatureDialogProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const ratio = useRef(1);
  const [empty, setEmpty] = useState(true);

  /** The ink and a margin of a pen's width around it; the whole pad if the strokes say nothing. */
  const signaturePng = (): string => {
    const element = canvas.current!;
    const points = pad.current!.toData().flatMap((stroke) => stroke.points);
    const box = inkBox(points, { width: element.offsetWidth, height: element.offsetHeight }, 8);
    return box ? croppedPng(element, box, ratio.current) : pad.current!.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  };

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    ratio.current = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio.current;
    element.height = element.offsetHeight * ratio.current;
    element.getContext('2d')?.scale(ratio.current, ratio.current);
    const signaturePad = new SignaturePad(element, { minWidth: 1.2, maxWidth: 3.2, penColor: '#111' });
    signaturePad.addEventListener('endStroke', () => setEmpty(signaturePad.isEmpty()));
    pad.current = signaturePad;
    return () => signaturePad.off();
  }, []);

  return (
    <Dialog title={title ?? t('checkIn.signatureTitle', { name })} onClose={onCancel} wide>
      <p>{help ?? t('checkIn.signatureHelp')}</p>
      <canvas ref={canvas} className="signature-canvas" aria-label={t('checkIn.signatureArea')} />
      <div className="dialog-actions">
        <button
          type="button"
          onClick={() => {
            pad.current?.clear();
            setEmpty(true);
          }}
        >
          {t('checkIn.signatureClear')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button-primary"
          disabled={empty}
          onClick={() => onDone(signaturePng())}
        >
          {confirmLabel ?? t('checkIn.signatureConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
