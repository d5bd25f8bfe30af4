import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultGuild, startFakeDiscord, type FakeDiscord } from './fakeDiscord/index.js';

/** The fake honours `enforce_nonce` as Discord documents it, so idempotent posting can be tested against it. */
describe('fake Discord: message nonces', () => {
  const setup = createDefaultGuild();
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord({ guilds: [setup.guild], nonceWindowMs: 300 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  async function post(body: Record<string, unknown>): Promise<{ status: number; id?: string; nonce?: unknown }> {
    const response = await fetch(`${fake.apiUrl}/v10/channels/${setup.digest.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id?: string; nonce?: unknown };
    return { status: response.status, id: json.id, nonce: json.nonce };
  }

  it('returns the earlier message for a repeated nonce with enforce_nonce, and creates no second one', async () => {
    const first = await post({ content: 'one', nonce: 'digest-a-0', enforce_nonce: true });
    const again = await post({ content: 'one', nonce: 'digest-a-0', enforce_nonce: true });
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    expect(first.nonce).toBe('digest-a-0');
    const other = await post({ content: 'two', nonce: 'digest-a-1', enforce_nonce: true });
    expect(other.id).not.toBe(first.id);
  });

  it('creates a second message for a repeated nonce without enforce_nonce', async () => {
    const first = await post({ content: 'x', nonce: 'plain-0' });
    const again = await post({ content: 'x', nonce: 'plain-0' });
    expect(again.id).not.toBe(first.id);
  });

  it('forgets a nonce after its window', async () => {
    const first = await post({ content: 'late', nonce: 'window-0', enforce_nonce: true });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const later = await post({ content: 'late', nonce: 'window-0', enforce_nonce: true });
    expect(later.id).not.toBe(first.id);
  });

  it('refuses a nonce longer than 25 characters, and enforce_nonce without a nonce', async () => {
    expect((await post({ content: 'x', nonce: 'n'.repeat(26), enforce_nonce: true })).status).toBe(400);
    expect((await post({ content: 'x', nonce: 'n'.repeat(25), enforce_nonce: true })).status).toBe(200);
    expect((await post({ content: 'x', enforce_nonce: true })).status).toBe(400);
  });
});
