/**
 * Where this page meets its peers: the signaling server of the host that served the page
 * (ws://<host>/signal; wss behind https). The desktop window (file://) has no such host of its
 * own address, and edits alone, still saved to the host through the contract.
 */
export function signalingUrl(): string | null {
  const { protocol, host } = window.location;
  if (protocol === 'http:') return `ws://${host}/signal`;
  if (protocol === 'https:') return `wss://${host}/signal`;
  return null;
}
