import { useQuery } from '../../api/query';
import { publicBase } from '../../components/qr-code';

export interface ResidentAddress {
  /** The address residents' phones open (a LAN address when the host has one), or null while unknown. */
  base: string | null;
  /** Every LAN address the host has, as `http://address:port` (empty: this computer is on no network). */
  lanBases: string[];
  /** Whether the host listens on the LAN now. */
  lanOpen: boolean;
}

/**
 * Where a QR code or printed address for residents must point: the host's LAN address, never the
 * loopback address the chair opened the app at (no phone can reach 127.0.0.1). `chosen` picks among
 * several LAN addresses (Wi-Fi and cable); without a LAN address, the page's own origin.
 */
export function useResidentAddress(chosen?: string | null): ResidentAddress {
  const status = useQuery('access:lanStatus', {}, { live: true });
  const lanBases = status.data?.bases ?? [];
  const lanOpen = status.data?.open ?? false;
  if (!status.data) return { base: null, lanBases, lanOpen };
  const base = (chosen && lanBases.includes(chosen) ? chosen : lanBases[0]) ?? publicBase();
  return { base, lanBases, lanOpen };
}
