/**
 * The council's signing key stays on its computer: archives carry public keys only, a moved council
 * signs with a new key while its old seals still verify (named as sealed on the old computer), a key
 * brought in by an archive cannot make a forged file read as signed, and in the desktop app the
 * private key is stored through the system's key store (a key protector; here a real AES-GCM one).
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveImportResult } from '../../shared/api/areas/archive';
import type { Channel, Input, Output } from '../../shared/api/contract';
import { verificationCode } from '../../src-main/host/areas/seals/code';
import { activeSigningKey, keyFingerprint, signDigest, type KeyProtector } from '../../src-main/host/areas/seals/keys';
import { minutesDocx } from '../../src-main/host/areas/seals/minutes-docx';
import { sealQrPng, sealQrText } from '../../src-main/host/areas/seals/qr';
import { sha256Hex, type SealedRecord } from '../../src-main/host/areas/seals/record';
import { createHost, type Host } from '../../src-main/host/core/host';
import { heldMeeting, signBoth } from './seals-fixture';
import { tempHost } from './temp-host';

type Row = Record<string, unknown>;
interface ArchiveBody {
  version: number;
  tables: Record<string, Row[]>;
}

const readArchive = (dataBase64: string) => JSON.parse(gunzipSync(Buffer.from(dataBase64, 'base64')).toString('utf8')) as ArchiveBody;
const writeArchive = (body: ArchiveBody) => gzipSync(Buffer.from(JSON.stringify(body), 'utf8')).toString('base64');

/** The sealed record and images inside an exported Word file. */
async function sealedParts(dataBase64: string): Promise<{ canonical: string; images: Map<string, Buffer> }> {
  const zip = await JSZip.loadAsync(Buffer.from(dataBase64, 'base64'));
  const part = await zip.file('customXml/item1.xml')!.async('string');
  const canonical = Buffer.from(/<record encoding="base64">([^<]*)<\/record>/.exec(part)![1]!.replace(/\s+/g, ''), 'base64').toString('utf8');
  const images = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))) {
    const data = await zip.file(name)!.async('nodebuffer');
    images.set(sha256Hex(data), data);
  }
  return { canonical, images };
}

describe('archives carry public keys only', () => {
  it('an archive has no private key; the moved council signs with a new key, and its old seals verify as sealed on the old computer', async () => {
    const source = tempHost();
    const held = await heldMeeting(source);
    await signBoth(held);
    const sourceKey = source.database.sqlite.prepare('SELECT public_key, private_key FROM council_keys').get() as { public_key: string; private_key: string };
    const minutes = await source.ok('seals:export', { meetingId: held.meetingId, version: null });
    const archive = await source.ok('archive:export', { councilId: held.councilId });

    const body = readArchive(archive.dataBase64);
    expect(body.tables.council_keys).toHaveLength(1);
    expect(body.tables.council_keys![0]).not.toHaveProperty('private_key');
    expect(JSON.stringify(body)).not.toContain(sourceKey.private_key);
    expect(body.tables.council_keys![0]!.public_key).toBe(sourceKey.public_key);

    const target = tempHost();
    const imported = (await target.ok('archive:import', { fileName: archive.fileName, dataBase64: archive.dataBase64 })) as ArchiveImportResult;
    const keys = target.database.sqlite.prepare('SELECT id, public_key, private_key, private_key_form, retired_at FROM council_keys').all() as Row[];
    expect(keys).toEqual([expect.objectContaining({ public_key: sourceKey.public_key, private_key: '', private_key_form: 'absent', retired_at: expect.any(String) })]);

    // The old seal verifies by the public key stored with it, named as made on the old computer.
    const report = await target.ok('seals:verify', { fileName: minutes.fileName, dataBase64: minutes.dataBase64 });
    expect(report.verdict).toBe('signed');
    expect(report.details.join()).toContain('由原电脑签署');

    // New seals of the moved council get a key of this computer.
    const fresh = activeSigningKey(target.database.db, imported.council.id, new Date());
    expect(fresh.id).not.toBe(keys[0]!.id);
    expect(fresh.publicKey).not.toBe(sourceKey.public_key);
    expect(target.database.sqlite.prepare('SELECT count(*) FROM council_keys').pluck().get()).toBe(2);
  });

  it('an archive of the earlier format with a private key in it is read, and the private key is left out', async () => {
    const source = tempHost();
    const held = await heldMeeting(source);
    await signBoth(held);
    const privateKey = source.database.sqlite.prepare('SELECT private_key FROM council_keys').pluck().get() as string;
    const archive = await source.ok('archive:export', { councilId: held.councilId });
    const body = readArchive(archive.dataBase64);
    body.version = 2;
    for (const row of body.tables.council_keys!) row.private_key = privateKey;

    const target = tempHost();
    await target.ok('archive:import', { fileName: archive.fileName, dataBase64: writeArchive(body) });
    expect(target.database.sqlite.prepare('SELECT private_key, private_key_form FROM council_keys').all()).toEqual([{ private_key: '', private_key_form: 'absent' }]);
    expect(JSON.stringify(target.database.sqlite.prepare('SELECT * FROM council_keys').all())).not.toContain(privateKey);
  });
});

describe('verification trusts the stored seal record, not any key in the database', () => {
  it('a crafted archive that brings in a key does not make a forged file read as signed', async () => {
    const source = tempHost();
    const held = await heldMeeting(source);
    await signBoth(held);
    const minutes = await source.ok('seals:export', { meetingId: held.meetingId, version: null });
    const archive = await source.ok('archive:export', { councilId: held.councilId });

    // The forger's own key pair, slipped into the archive as one of the council's keys.
    const pair = generateKeyPairSync('ed25519');
    const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const body = readArchive(archive.dataBase64);
    const councilId = body.tables.councils![0]!.id;
    body.tables.council_keys!.push({ id: 9_999, council_id: councilId, public_key: publicKey, private_key: privateKey, created_at: new Date().toISOString(), retired_at: null });
    const target = tempHost();
    await target.ok('archive:import', { fileName: archive.fileName, dataBase64: writeArchive(body) });

    // Forged minutes: the record changed, sealed with the forger's key, laid out exactly as an export would be.
    const { canonical, images } = await sealedParts(minutes.dataBase64);
    expect(canonical).toContain('杜绝飞线充电');
    const forgedCanonical = canonical.replace('杜绝飞线充电', '允许飞线充电');
    const record = JSON.parse(forgedCanonical) as SealedRecord;
    const digest = sha256Hex(forgedCanonical);
    const code = verificationCode(digest);
    const forged = await minutesDocx({
      record,
      seal: {
        digest,
        code,
        signature: signDigest(privateKey, digest),
        keyFingerprint: keyFingerprint(publicKey),
        canonical: forgedCanonical,
        qrPng: await sealQrPng(sealQrText(record.meeting, record.version, code, digest)),
      },
      images,
    });

    // A seal row forged into the archive as well is refused at import: its record no longer matches its signature.
    const withSeal = readArchive(writeArchive(body));
    withSeal.tables.seals![0]!.canonical = forgedCanonical;
    withSeal.tables.seals![0]!.digest = digest;
    const refused = await target.invoke('archive:import', { fileName: archive.fileName, dataBase64: writeArchive(withSeal) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('没有导入任何内容') } });

    const report = await target.ok('seals:verify', { fileName: 'forged.docx', dataBase64: forged.toString('base64') });
    expect(report.verdict).not.toBe('signed');
    expect(['unknown', 'altered']).toContain(report.verdict);
    // The genuine file still verifies there.
    expect((await target.ok('seals:verify', { fileName: minutes.fileName, dataBase64: minutes.dataBase64 })).verdict).toBe('signed');
  });
});

/** AES-256-GCM with a key held in memory: a real protector, as the system's key store would be. */
function aesProtector(available = true): KeyProtector & { calls: number } {
  const secret = randomBytes(32);
  return {
    available,
    calls: 0,
    encrypt(bytes) {
      this.calls += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const sealed = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
    },
    decrypt(bytes) {
      this.calls += 1;
      const data = Buffer.from(bytes);
      const decipher = createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    },
  };
}

const folders: string[] = [];
afterEach(() => {
  while (folders.length) rmSync(folders.pop()!, { recursive: true, force: true });
});

interface CallableHost extends Host {
  ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
}

function openHost(databasePath: string, keyProtector?: KeyProtector): CallableHost {
  const host = createHost({ databasePath, host: 'desktop', keyProtector });
  return Object.assign(host, {
    async ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      const result = await host.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as Output<C>;
    },
  });
}

function newDatabasePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-keys-'));
  folders.push(dir);
  return join(dir, 'council.sqlite');
}

const keyRows = (host: Host) => host.database.sqlite.prepare('SELECT id, public_key, private_key, private_key_form FROM council_keys ORDER BY id').all() as Array<{ id: number; public_key: string; private_key: string; private_key_form: string }>;

describe('the private key through a key protector （the desktop app’s safeStorage）', () => {
  it('a new key is stored encrypted by the protector, never as a readable key, and signs', async () => {
    const protector = aesProtector();
    const host = openHost(newDatabasePath(), protector);
    try {
      const held = await heldMeeting(host);
      // The meeting's votes were closed and locked: the audit chain's heads they signed used the protected key too.
      expect(keyRows(host).map((key) => key.private_key_form)).toEqual(['protected']);
      await signBoth(held);
      expect(keyRows(host)).toHaveLength(1);
      const [row] = keyRows(host);
      expect(row).toMatchObject({ private_key_form: 'protected' });
      expect(() => createPrivateKey({ key: Buffer.from(row!.private_key, 'base64'), format: 'der', type: 'pkcs8' })).toThrow();
      const opened = createPrivateKey({ key: Buffer.from(protector.decrypt(Buffer.from(row!.private_key, 'base64'))), format: 'der', type: 'pkcs8' });
      expect(createPublicKey(opened).export({ type: 'spki', format: 'der' }).toString('base64')).toBe(row!.public_key);
      const file = await host.ok('seals:export', { meetingId: held.meetingId, version: null });
      expect((await host.ok('seals:verify', { fileName: file.fileName, dataBase64: file.dataBase64 })).verdict).toBe('signed');
    } finally {
      host.close();
    }
  });

  it('a key stored plain before stays the council’s key, now kept encrypted; without a protector a protected key is left alone', async () => {
    const path = newDatabasePath();
    const plainHost = openHost(path);
    const held = await heldMeeting(plainHost);
    await signBoth(held);
    const [before] = keyRows(plainHost);
    expect(before).toMatchObject({ private_key_form: 'plain' });
    const v1 = await plainHost.ok('seals:export', { meetingId: held.meetingId, version: 1 });
    plainHost.close();

    const protector = aesProtector();
    const desktop = openHost(path, protector);
    await desktop.ok('seals:amend', { meetingId: held.meetingId, reason: '补记一项任务分工' });
    await signBoth({ ...held, host: desktop });
    expect(keyRows(desktop)).toEqual([{ id: before!.id, public_key: before!.public_key, private_key: expect.any(String), private_key_form: 'protected' }]);
    expect(keyRows(desktop)[0]!.private_key).not.toBe(before!.private_key);
    expect((await desktop.ok('seals:verify', { fileName: 'v1.docx', dataBase64: v1.dataBase64 })).verdict).toBe('signed');
    desktop.close();

    // The browser host on the same file has no protector: the protected key cannot sign there, so
    // it signs with a new key of its own, and everything sealed before still verifies.
    const browser = openHost(path);
    await browser.ok('seals:amend', { meetingId: held.meetingId, reason: '再补记一项' });
    await signBoth({ ...held, host: browser });
    const rows = keyRows(browser);
    expect(rows.map((row) => row.private_key_form)).toEqual(['protected', 'plain']);
    expect((await browser.ok('seals:verify', { fileName: 'v1.docx', dataBase64: v1.dataBase64 })).verdict).toBe('signed');
    const v3 = await browser.ok('seals:export', { meetingId: held.meetingId, version: 3 });
    expect((await browser.ok('seals:verify', { fileName: 'v3.docx', dataBase64: v3.dataBase64 })).verdict).toBe('signed');
    browser.close();
  });

  it('a protector the system does not offer (not available) is not used', async () => {
    const protector = aesProtector(false);
    const host = openHost(newDatabasePath(), protector);
    try {
      const held = await heldMeeting(host);
      await signBoth(held);
      expect(keyRows(host).map((row) => row.private_key_form)).toEqual(['plain']);
      expect(protector.calls).toBe(0);
    } finally {
      host.close();
    }
  });
});
