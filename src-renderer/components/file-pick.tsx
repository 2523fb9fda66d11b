/**
 * Choosing a file from this computer to send to the host: in the desktop app the system's open
 * dialog (the preload's openFile; the main process reads the file), in a browser a file input.
 * Either way the page gets the file's name and its bytes in base64.
 */
import { useTranslation } from 'react-i18next';
import { bridgeKey, openFileMaxBytes } from '../../shared/api/bridge';
import { bytesToBase64 } from './download';

export interface PickedFile {
  fileName: string;
  dataBase64: string;
}

export function FilePick({
  label,
  extensions,
  mimeTypes = [],
  disabled,
  onFile,
  onRefused,
}: {
  label: string;
  /** The kinds of file taken: extensions in lower case, without the dot. */
  extensions: string[];
  mimeTypes?: string[];
  disabled: boolean;
  onFile: (file: PickedFile) => void;
  /** Why the desktop's dialog did not give a file, in the user's language. */
  onRefused: (message: string) => void;
}) {
  const { t } = useTranslation();
  const openFile = window[bridgeKey]?.openFile;

  if (openFile) {
    const choose = async () => {
      const result = await openFile({ extensions });
      if (result.opened) onFile({ fileName: result.fileName, dataBase64: result.dataBase64 });
      else if (result.refused)
        onRefused(t(`files.refused.${result.refused}`, { megabytes: openFileMaxBytes / 1024 / 1024, kinds: extensions.map((extension) => `.${extension}`).join(t('files.or')) }));
    };
    return (
      <button type="button" onClick={() => void choose()} disabled={disabled}>
        {label}
      </button>
    );
  }

  const read = async (file: File | undefined) => {
    if (!file) return;
    onFile({ fileName: file.name, dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
  };
  return (
    <label className="file-pick">
      <span className="button">{label}</span>
      <input
        type="file"
        accept={[...extensions.map((extension) => `.${extension}`), ...mimeTypes].join(',')}
        disabled={disabled}
        onChange={(event) => {
          void read(event.target.files?.[0]);
          // The same file can be chosen again after a refusal.
          event.target.value = '';
        }}
      />
    </label>
  );
}
