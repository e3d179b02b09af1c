import { mapLimit } from '../lib/load.js';
import { Rng } from '../lib/random.js';
import { levelText, type Scenario } from './measure.js';
import { makeTemplate, TEMPLATE_NOTE, type Issuer } from './outgoing-prep.js';
import { SealedSupply } from './sealed-supply.js';
import { ensureDemoPki } from './pki.js';
import { rawIssue } from './raw-issue.js';
import type { ScenarioContext, User } from './scenarios.js';

/**
 * Who issues: the clerks of the `ctx.issuers` biggest agencies, each with its leader (the
 * signer), a drafter, and five other agencies that have an active clerk (delivered inside the
 * instance) as recipients.
 */
async function findIssuers(ctx: ScenarioContext, clerks: User[]): Promise<Issuer[]> {
  const agencyIds = clerks.map((c) => c.actor.agencyId);
  const { rows: people } = await ctx.pool.query<{
    id: string;
    username: string;
    role: string;
    agency_id: string;
  }>(
    `select u.id, u.username, r.role, r.agency_id from user_roles r join users u on u.id = r.user_id
      where r.agency_id = any($1::uuid[]) and r.role in ('leader', 'specialist', 'unit_head')
        and not u.disabled
      order by r.agency_id, r.role, u.username`,
    [agencyIds],
  );
  const { rows: served } = await ctx.pool.query<{ agency_id: string; code: string }>(
    `select v.agency_id, v.code from agency_versions v where v.valid_to is null and exists (
       select 1 from user_roles r join users u on u.id = r.user_id
        where r.agency_id = v.agency_id and r.role = 'clerk' and not u.disabled)
     order by v.code`,
  );
  return clerks.map((c, k) => {
    const agencyId = c.actor.agencyId;
    const mine = people.filter((p) => p.agency_id === agencyId);
    const leader = mine.find((p) => p.role === 'leader');
    const drafter =
      mine.find((p) => p.role === 'specialist') ?? mine.find((p) => p.role === 'unit_head');
    if (!leader || !drafter) throw new Error(`agency ${agencyId} has no leader or drafter`);
    const others = served.filter((s) => s.agency_id !== agencyId);
    if (others.length < 5) throw new Error('fewer than five other agencies have a clerk');
    const recipients = Array.from(
      { length: 5 },
      (_, j) => (others[(k * 5 + j) % others.length] as { code: string }).code,
    );
    return {
      agencyId,
      code: served.find((s) => s.agency_id === agencyId)?.code ?? '',
      clerk: c.session,
      leader: { id: leader.id, username: leader.username },
      drafter: { id: drafter.id, username: drafter.username },
      recipients,
      templateId: null,
    };
  });
}

/**
 * Issue an outgoing document to five agencies of the instance (`POST /api/outgoing/:id/issue`,
 * answered with the document page), by the clerks of `ctx.issuers` agencies (client w issues for
 * agency w mod issuers). Set-up, not measured: demo certificates for those agencies and their
 * leaders, one sealed template per agency made through the API (compose, submit, sign, number,
 * seal), then sealed copies cloned with SQL before each run, as many as the run should use.
 */
export function outgoingIssueScenario(ctx: ScenarioContext): Scenario {
  const rng = new Rng(ctx.numberBase, 'outgoing-issue');
  let issuers: Issuer[] = [];
  let actors: User[] = [];
  let supplies: { api: SealedSupply; raw: SealedSupply } | null = null;
  const lastMs = { api: 0, raw: 0 };
  const ready = () => {
    if (!supplies) throw new Error('outgoing issue benchmark not prepared');
    return supplies;
  };
  const timed = async (side: 'api' | 'raw', fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    lastMs[side] = performance.now() - t0;
  };
  return {
    id: 'outgoing_issue',
    title: 'Issue an outgoing document to 5 recipients inside the instance',
    target: {},
    raw: 'the same rows in one transaction: lock and checks, per recipient an incoming copy (file links, content text, signature-check jobs, clerks notified), recipient rows, state, audit event, notifications; no document page',
    prepare: async () => {
      actors = ctx.clerks.slice(0, Math.max(1, ctx.issuers));
      issuers = await findIssuers(ctx, actors);
      await ensureDemoPki(
        ctx.pool,
        ctx.databaseUrl,
        { userIds: issuers.map((i) => i.leader.id), agencyIds: issuers.map((i) => i.agencyId) },
        ctx.log,
      );
      const started = performance.now();
      let made = 0;
      await mapLimit(issuers, 2, async (issuer) => {
        const { rows } = await ctx.pool.query<{ id: string }>(
          `select id from outgoing_documents where agency_id = $1 and state = 'sealed' and notes = $2
            order by created_at limit 1`,
          [issuer.agencyId, TEMPLATE_NOTE],
        );
        issuer.templateId = rows[0]?.id ?? null;
        if (issuer.templateId) return;
        issuer.templateId = await makeTemplate(ctx.api, issuer, ctx.password);
        made++;
      });
      ctx.log(
        `outgoing: ${issuers.length} issuing agencies, ${made} sealed templates made through the API (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
      supplies = {
        api: new SealedSupply(ctx.pool, issuers, ctx.today, rng),
        raw: new SealedSupply(ctx.pool, issuers, ctx.today, rng),
      };
      // Enough for the probe without a refill.
      await supplies.api.fill(6);
      await supplies.raw.fill(6);
    },
    beforeRun: async ({ level, seconds, sides, previous }) => {
      const s = ready();
      const started = performance.now();
      for (const side of sides) {
        // Expected rate: the previous level's, else what one client's last operation suggests.
        const perOp = sides.length === 2 ? lastMs.api + lastMs.raw : lastMs[side] + level.thinkMs;
        const guess = (level.clients * 1000) / Math.max(1, perOp);
        const before = previous?.[side]?.throughput;
        const rate = before
          ? Math.min(guess, before * 2)
          : Math.min(guess, side === 'api' ? 150 : 400);
        // Client w issues for agency w mod issuers: with fewer clients only the first are used.
        const used = Math.min(issuers.length, level.clients);
        const perIssuer =
          Math.ceil((rate * seconds * 1.25) / used) + Math.ceil(level.clients / used) + 2;
        await s[side].fill(perIssuer, used);
      }
      const late = s.api.lateBatches + s.raw.lateBatches;
      ctx.log(
        `outgoing: sealed copies for c=${levelText(level)} ${sides.join('+')} ready (${((performance.now() - started) / 1000).toFixed(1)} s); batches cloned while measuring so far: ${late}`,
      );
    },
    apiOp: async (w) => {
      const k = w % issuers.length;
      const id = await ready().api.take(k);
      await timed('api', () =>
        ctx.api.postJson(`/api/outgoing/${id}/issue`, (issuers[k] as Issuer).clerk, {}),
      );
    },
    rawOp: async (w) => {
      const k = w % issuers.length;
      const id = await ready().raw.take(k);
      await timed('raw', () => rawIssue(ctx.pool, (actors[k] as User).actor, id, rng));
    },
  };
}
