import { AddressInfo, createServer, Server, Socket } from 'node:net';

export interface ReceivedMail {
  messageId: string | undefined;
  to: string | undefined;
  raw: string;
}

/**
 * A minimal SMTP receiver that records every message it receives, answering the end of each message
 * after `delayMs` (a slow relay, so a sender can be caught mid-batch).
 */
export function fakeSmtp(delayMs = 0): Promise<{ server: Server; url: string; received: ReceivedMail[] }> {
  const received: ReceivedMail[] = [];
  const server = createServer((socket: Socket) => {
    let data: string | null = null;
    let buffer = '';
    socket.write('220 localhost ESMTP test\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const raw = data + buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          data = null;
          // Recorded as soon as it is complete, like a relay that delivers even when the sender dies before
          // hearing the 250: the sender then resends it, and the receiver sees a duplicate.
          received.push({ raw, messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1], to: /^To:\s*(\S+)/im.exec(raw)?.[1] });
          setTimeout(() => socket.destroyed || socket.write('250 2.0.0 queued\r\n'), delayMs);
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-localhost\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO' || verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') socket.write('250 OK\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('502 not implemented\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, received })));
}
