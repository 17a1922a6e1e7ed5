import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { as, startServer, unitId, type TestServer } from '../../../test/helpers.js';
import { pickRecipients, sendDueReminders } from './reminders.js';

interface Received { to: string[]; data: string }

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp() {
  const received: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** The decoded text of a received message (nodemailer sends UTF-8 text as quoted-printable or base64). */
function bodyText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head!)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

describe('deadline reminders by e-mail', () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp();
    server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: '政务公开平台 <gongkai@sm.gov.cn>', REMINDER_WORKDAYS: '3', PUBLIC_URL: 'https://xxgk.example.gov.cn' } });
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('mails the unit\'s handlers before the due date and the disclosure office once overdue, each once, without personal data', async () => {
    const edu = await unitId(server, '三明市教育局');
    const admin = await as(server, 'admin');
    const users = (await admin.get('/api/v1/users?pageSize=100')).body.items as Array<{ id: number; username: string }>;
    const idOf = (name: string) => users.find((u) => u.username === name)!.id;
    assert.equal((await admin.patch(`/api/v1/users/${idOf('jyj.handler')}`, { email: 'handler@jyj.sm.gov.cn' })).status, 200);
    assert.equal((await admin.patch(`/api/v1/users/${idOf('sm.gkb')}`, { email: 'gkb@sm.gov.cn' })).status, 200);
    assert.equal((await admin.patch(`/api/v1/users/${idOf('jyj.editor')}`, { email: '不是邮箱' })).status, 400);

    const handler = await as(server, 'jyj.handler');
    const { body } = await handler.post('/api/v1/requests', {
      application: { unitId: edu, applicantType: 'natural_person', applicantName: '孙八', idType: 'resident_id', idNumber: '11010519491231002X', phone: '13905981234', description: '某校校舍维修资金使用情况', preferredForm: 'electronic', delivery: 'email' },
      channel: 'in_person', submittedDate: '2026-03-02',
    });
    assert.equal(body.due, '2026-03-30');

    assert.equal(await sendDueReminders(server.ctx, '2026-03-20'), 0, 'not yet within three working days');
    assert.equal(await sendDueReminders(server.ctx, '2026-03-25'), 1);
    assert.equal(await sendDueReminders(server.ctx, '2026-03-26'), 0, 'one reminder per due date');
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0]!.to, ['handler@jyj.sm.gov.cn']);
    const soon = bodyText(smtp.received[0]!.data);
    assert.match(soon, new RegExp(`查询码为 ${body.trackingCode} 的政府信息公开申请将于 2026-03-30 到期`));
    assert.match(soon, new RegExp(`https://xxgk.example.gov.cn/admin/requests/${body.id}`));

    assert.equal(await sendDueReminders(server.ctx, '2026-03-31'), 1);
    assert.deepEqual(smtp.received[1]!.to.sort(), ['gkb@sm.gov.cn', 'handler@jyj.sm.gov.cn']);
    assert.match(bodyText(smtp.received[1]!.data), /已超过答复期限（2026-03-30）/);
    for (const m of smtp.received) {
      const text = bodyText(m.data);
      for (const secret of ['孙八', '11010519491231002X', '13905981234', '校舍维修']) assert.ok(!text.includes(secret) && !m.data.includes(secret), `mail leaks ${secret}`);
    }

    // A reply stops the reminders.
    await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'disclose', date: '2026-04-01' });
    assert.equal(await sendDueReminders(server.ctx, '2026-04-02'), 0);
  });

  it('chooses the unit\'s handlers, or its supervisors when the unit has none with an e-mail', () => {
    const users = [
      { email: 'h@edu', roles: ['request_handler'], unitPath: '/1/4/', mayHandle: true },
      { email: 'o@city', roles: ['disclosure_office'], unitPath: '/1/2/', mayHandle: true },
      { email: 'x@other', roles: ['request_handler'], unitPath: '/1/5/', mayHandle: false },
    ];
    assert.deepEqual(pickRecipients(users, '/1/4/', 'due_soon'), ['h@edu']);
    assert.deepEqual(pickRecipients(users, '/1/4/', 'overdue'), ['h@edu', 'o@city']);
    assert.deepEqual(pickRecipients(users, '/1/6/', 'due_soon'), ['o@city']);
  });
});
