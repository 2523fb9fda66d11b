/**
 * Chromium for the minutes over WebRTC (the specs in a network namespace and the peer-latency
 * bench): Debian's Chromium (CHROMIUM_PATH to use another) with the flags of the platform notes.
 */
export const webrtcChromium: { executablePath: string; args: string[] } = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    // Loopback ICE candidates for the minutes over WebRTC: both are needed (see the platform notes).
    '--allow-loopback-in-peer-connection',
    '--use-fake-ui-for-media-stream',
  ],
};
