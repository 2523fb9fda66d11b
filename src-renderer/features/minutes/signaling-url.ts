/**
 * Where this page meets its peers: the signaling server of the host that served the page
 * (ws://<host>/signal; wss behind https). Every page has one, the desktop window included: it is
 * served by the host it starts.
 */
export function signalingUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/signal`;
}
