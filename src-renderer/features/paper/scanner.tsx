/**
 * The camera scanner for 表决票: the phone's back camera, each frame drawn on a canvas and read
 * by jsQR in the page (nothing leaves the phone but the code). Loaded only on the counter page
 * (React.lazy), so no other page carries the decoder. The camera is stopped when the scanner
 * leaves the screen (a ballot is shown), and a page without a camera says so and leaves the typed code.
 */
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What a ballot's QR code starts with; anything else in front of the camera is not a ballot. */
export const ballotQrPrefix = 'courtyard-ballot:';

/** How often a frame is read: often enough to feel instant, seldom enough for a phone's battery. */
const readEveryMs = 150;
/** Frames are read at most this wide: a ballot's code fills a good part of the picture. */
const readWidth = 800;
/** Reads without any code after which a ballot counts as taken out of the picture (about half a second). */
const goneAfterReads = 3;

// 'insecure': a phone on the LAN over plain http:// gets no camera at all (browsers give it only to
// secure pages: https or this computer), so the typed code is the way there.
type CameraState = 'starting' | 'on' | 'none' | 'refused' | 'insecure';

/**
 * `skip`: the code just handled (counted, or refused), not given again while that ballot stays in
 * the picture; once it has been taken away and comes back, it is read again (a second scan).
 */
export function CameraScanner({ onCode, skip = null }: { onCode: (text: string) => void; skip?: string | null }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<CameraState>('starting');
  const [notBallot, setNotBallot] = useState(false);
  // The latest handler without restarting the camera when the page renders again.
  const handler = useRef(onCode);
  handler.current = onCode;
  const skipping = useRef(skip);
  useEffect(() => {
    skipping.current = skip;
  }, [skip]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let emptyReads = 0;

    const read = () => {
      const element = video.current;
      if (!element || !context || element.readyState < element.HAVE_CURRENT_DATA || element.videoWidth === 0) return;
      const scale = Math.min(1, readWidth / element.videoWidth);
      canvas.width = Math.round(element.videoWidth * scale);
      canvas.height = Math.round(element.videoHeight * scale);
      context.drawImage(element, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      if (!found?.data) {
        emptyReads += 1;
        if (emptyReads >= goneAfterReads) skipping.current = null;
        return;
      }
      emptyReads = 0;
      if (found.data === skipping.current) return;
      if (!found.data.startsWith(ballotQrPrefix)) {
        setNotBallot(true);
        return;
      }
      setNotBallot(false);
      skipping.current = found.data;
      handler.current(found.data);
    };

    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera(window.isSecureContext ? 'none' : 'insecure');
      return;
    }
    setCamera('starting');
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then((media) => {
        if (stopped) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        const element = video.current;
        if (element) {
          element.srcObject = media;
          void element.play().catch(() => undefined);
        }
        setCamera('on');
        timer = setInterval(read, readEveryMs);
      })
      .catch((error: unknown) => {
        if (stopped) return;
        const name = error instanceof DOMException ? error.name : '';
        setCamera(name === 'NotAllowedError' || name === 'SecurityError' ? 'refused' : 'none');
      });

    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
      if (video.current) video.current.srcObject = null;
    };
  }, []);

  return (
    <div className="paper-scanner" data-camera={camera}>
      <video ref={video} className="paper-scanner-video" muted playsInline aria-label={t('paper.scanner.video')} hidden={camera !== 'on'} />
      <p className="paper-scanner-status" role="status">
        {camera === 'on'
            ? notBallot
              ? t('paper.scanner.notBallot')
              : t('paper.scanner.aim')
            : camera === 'starting'
              ? t('paper.scanner.starting')
              : camera === 'refused'
                ? t('paper.scanner.refused')
                : camera === 'insecure'
                  ? t('paper.scanner.insecure')
                  : t('paper.scanner.none')}
      </p>
    </div>
  );
}
