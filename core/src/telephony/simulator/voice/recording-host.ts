import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Where simulated recordings can be fetched, as Twilio serves them: `…/Recordings/RE….wav` behind
 * HTTP Basic auth with the account's SID and auth token. Calls simulated with `recordings` post
 * this host's address as their RecordingUrl, so the server fetches real audio bytes.
 */
export interface RecordingHost {
  /** Keeps `audio` as recording `sid` of the account and answers its RecordingUrl. */
  keep(recording: { accountSid: string; authToken: string; sid: string; audio: Uint8Array }): string;
  close(): Promise<void>;
}

interface Kept {
  authorization: string;
  audio: Uint8Array;
}

const PATH = /^\/2010-04-01\/Accounts\/(AC\w+)\/Recordings\/(RE\w+?)(\.wav)?$/;

export async function startRecordingHost(): Promise<RecordingHost> {
  const kept = new Map<string, Kept>();
  const server = createServer((req, res) => {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://host').pathname);
    const recording = match ? kept.get(`${match[1]}/${match[2]}`) : undefined;
    if (!recording) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":20404,"status":404}');
    } else if (req.headers.authorization !== recording.authorization) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":20003,"status":401}');
    } else {
      res.writeHead(200, { 'content-type': 'audio/x-wav', 'content-length': recording.audio.length });
      res.end(recording.audio);
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((done) => server.once('listening', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    keep({ accountSid, authToken, sid, audio }) {
      kept.set(`${accountSid}/${sid}`, {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
        audio,
      });
      return `${base}/2010-04-01/Accounts/${accountSid}/Recordings/${sid}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
