/**
 * One finding with its evidence and history, and the forms for decisions. Every piece of crawled
 * text (URL, title, match, context, page text, diff) is rendered through JSX, which escapes it;
 * the page URL becomes a link only when it is http(s), with rel="noopener noreferrer".
 */
import type { FC } from 'hono/jsx';
import type { CompiledRule } from '../../compliance';
import { POSSIBLE_REASONS } from '../../compliance/types';
import { localePath, type Locale } from '../../i18n/locale-info';
import { rp, type Reviewer } from '../context';
import { pageDiff, safeHttpUrl, snapshotLine, splitContext, type PageDiff } from '../findings/evidence';
import type { FindingDetail } from '../findings/finding-detail';
import { actionAllowed } from '../findings/workflow';
import { rt, rtDynamic } from '../../i18n/review/texts';
import { actorName, Flash, Severity, Status, When, CsrfField } from './bits';
import { Layout } from '../../views/layout';
import { workspaceFrame } from './workspace-frame';
import { DataTable } from '../../views/components';
import { basisNote, sourceText } from '../../views/rule-basis';

export interface FindingPageProps {
  locale: Locale;
  reviewer: Reviewer;
  detail: FindingDetail;
  rule: CompiledRule | null;
  currentRulesetVersion: string;
  names: Map<number, string>;
  colleagues: { id: number; name: string }[];
  recheckMinutes: number;
  flash?: string | null;
  /** The queue with the officer's filters. */
  back: string;
  /** Neighbours in the filtered queue, as links that keep the filters. */
  walk?: { prev: string | null; next: string | null; position: number | null; total: number };
  /** The queue's filter query (with "?"), carried by every decision so the filters survive. */
  filterQuery?: string;
}

/** The reasons a possible finding may give; an unknown stored value shows nothing. */
const KNOWN_REASONS: ReadonlySet<string> = new Set(POSSIBLE_REASONS);

/** Previous / position / next links along the filtered queue (j and k follow them). */
const Walk: FC<{ locale: Locale; walk: NonNullable<FindingPageProps['walk']>; back: string }> = ({ locale, walk, back }) => (
  <nav class="walk" aria-label={rt(locale, 'walkLabel')}>
    <a href={back}>{rt(locale, 'backToQueue')}</a>
    {walk.prev ? (
      <a href={walk.prev} rel="prev" data-walk="prev">
        {rt(locale, 'prevFinding')}
      </a>
    ) : null}
    <span>{walk.position !== null ? rt(locale, 'queuePosition', { p: walk.position, n: walk.total }) : rt(locale, 'notInQueue')}</span>
    {walk.next ? (
      <a href={walk.next} rel="next" data-walk="next" class="button">
        {rt(locale, 'nextFinding')}
      </a>
    ) : null}
    <span class="hint keys-hint">{rt(locale, 'keysHint')}</span>
  </nav>
);

const Evidence: FC<{ locale: Locale; context: string; match: string; snapshotText: string | null }> = ({ locale, context, match, snapshotText }) => {
  const parts = splitContext(context, match);
  const line = snapshotText ? snapshotLine(snapshotText, match) : null;
  return (
    <>
      <h3>{rt(locale, 'matchInContext')}</h3>
      <p class="evidence" data-testid="evidence">
        {parts ? (
          <>
            {parts.before}
            <mark>{parts.match}</mark>
            {parts.after}
          </>
        ) : (
          <>
            {context}
            {'\n'}
            <mark>{match}</mark>
          </>
        )}
      </p>
      {line ? (
        <>
          <h3>{rt(locale, 'snapshotLine')}</h3>
          <p class="evidence" data-testid="snapshot-line">
            {line.before}
            <mark>{line.match}</mark>
            {line.after}
          </p>
        </>
      ) : null}
    </>
  );
};

const DiffView: FC<{ locale: Locale; diff: PageDiff | null; previousAt: string | null }> = ({ locale, diff, previousAt }) => {
  if (!diff) return <p>{rt(locale, 'diffNone')}</p>;
  if (diff.kind === 'same') return <p>{rt(locale, 'diffSame')}</p>;
  if (diff.kind === 'too_big') return <p>{rt(locale, 'diffTooBig')}</p>;
  return (
    <>
      <p>
        {previousAt ? (
          <>
            {rt(locale, 'diffFrom')} <When iso={previousAt} />.{' '}
          </>
        ) : null}
        {rt(locale, 'diffLegend')}
      </p>
      <div class="diff" data-testid="diff" tabindex={0} role="region" aria-label={rt(locale, 'diffTitle')}>
        {diff.blocks.map((b) =>
          b.type === 'skip' ? (
            <span class="skip">{rt(locale, 'diffSkipped', { n: b.lines })}</span>
          ) : b.type === 'same' ? (
            <span class="blk">{b.text}</span>
          ) : (
            <span class="blk">
              {b.parts.map((p) =>
                p.type === 'add' ? (
                  <ins>
                    <span class="visually-hidden">[{rt(locale, 'diffAdded')}: </span>
                    {p.text}
                    <span class="visually-hidden">]</span>
                  </ins>
                ) : p.type === 'del' ? (
                  <del>
                    <span class="visually-hidden">[{rt(locale, 'diffRemoved')}: </span>
                    {p.text}
                    <span class="visually-hidden">]</span>
                  </del>
                ) : (
                  <>{p.text}</>
                ),
              )}
            </span>
          ),
        )}
      </div>
    </>
  );
};

/** A human description of an event's detail column. */
function eventDetail(locale: Locale, kind: string, reason: string | null, names: Map<number, string>): string {
  if (kind === 'assigned') return reason && reason !== 'none' ? `→ ${actorName(locale, reason, names)}` : `→ ${rt(locale, 'assigneeNone')}`;
  return reason ?? '';
}

/** The finding page. */
/** The spans merged into this one finding (stored as JSON; shown only when there is more than one). */
const EvidenceSpans: FC<{ locale: Locale; evidence: string | null | undefined }> = ({ locale, evidence }) => {
  let spans: { start: number; end: number; match: string }[] = [];
  try {
    const parsed: unknown = evidence ? JSON.parse(evidence) : [];
    if (Array.isArray(parsed)) spans = parsed.filter((e) => e && typeof e.match === 'string' && typeof e.start === 'number');
  } catch {
    spans = [];
  }
  if (spans.length < 2) return null;
  return (
    <>
      <h3>{rt(locale, 'evidenceSpans')}</h3>
      <ul data-testid="evidence-spans">
        {spans.map((e) => (
          <li>
            <mark>{e.match}</mark> <span class="muted">({e.start}–{e.end})</span>
          </li>
        ))}
      </ul>
    </>
  );
};

export const FindingPage: FC<FindingPageProps> = ({ locale, reviewer, detail, rule, currentRulesetVersion, names, colleagues, recheckMinutes, flash, back, walk, filterQuery = '' }) => {
  const f = detail.finding;
  const href = safeHttpUrl(f.url);
  const title = rule ? rule.spec.title[locale] ?? rule.spec.title.sv : f.ruleId;
  const action = (name: string) => rp(locale, `/review/findings/${f.id}/${name}`) + filterQuery;
  const diff = detail.latest && detail.previous ? pageDiff(detail.previous.text, detail.latest.text) : null;
  return (
    <Layout frame={workspaceFrame({ locale, path: `/review/findings/${f.id}${filterQuery}`, reviewer, nav: 'queue', scripts: Boolean(walk) })} title={rt(locale, 'findingTitle', { id: f.id })}>
      {walk ? (
        <Walk locale={locale} walk={walk} back={back} />
      ) : (
        <p>
          <a href={back}>{rt(locale, 'backToQueue')}</a>
        </p>
      )}
      <h1>
        {rt(locale, 'findingTitle', { id: f.id })}: {title}
      </h1>
      <Flash text={flash} />
      <dl class="facts">
        <dt>{rt(locale, 'status')}</dt>
        <dd>
          <Status locale={locale} status={f.status} />
        </dd>
        <dt>{rt(locale, 'severity')}</dt>
        <dd>
          <Severity locale={locale} severity={f.severity} />
        </dd>
        <dt>{rt(locale, 'certaintyLabel')}</dt>
        <dd data-testid="certainty">
          {rt(locale, f.certainty === 'possible' ? 'certainty_possible' : 'certainty_certain')}{' '}
          <span class="muted">({rt(locale, 'confidenceValue', { value: (f.confidence ?? 1).toFixed(2) })})</span>
          {f.certainty === 'possible' && f.possibleReason && KNOWN_REASONS.has(f.possibleReason) ? (
            <span data-testid="possible-reason"> · {rtDynamic(locale, 'possibleReason', f.possibleReason)}</span>
          ) : null}
        </dd>
        {f.language ? (
          <>
            <dt>{rt(locale, 'findingLanguage')}</dt>
            <dd lang="en">{f.language}</dd>
          </>
        ) : null}
        <dt>{rt(locale, 'provider')}</dt>
        <dd>{detail.provider ? <a href={rp(locale, `/review/providers/${detail.provider.id}`)}>{detail.provider.name}</a> : '–'}</dd>
        <dt>{rt(locale, 'firstSeen')}</dt>
        <dd>
          <When iso={f.firstSeenAt} />
        </dd>
        <dt>{rt(locale, 'lastSeen')}</dt>
        <dd>
          <When iso={f.lastSeenAt} />
        </dd>
        {f.resolvedAt ? (
          <>
            <dt>{rt(locale, 'resolvedAt')}</dt>
            <dd>
              <When iso={f.resolvedAt} />
            </dd>
          </>
        ) : null}
        {f.timesReopened ? (
          <>
            <dt>{rt(locale, 'timesReopened')}</dt>
            <dd>{String(f.timesReopened)}×</dd>
          </>
        ) : null}
        <dt>{rt(locale, 'assignedTo')}</dt>
        <dd>{f.assignedTo !== null ? names.get(f.assignedTo) ?? `user:${f.assignedTo}` : '–'}</dd>
        {f.dismissedReason ? (
          <>
            <dt>{rt(locale, 'dismissedReason')}</dt>
            <dd>{f.dismissedReason}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="h-evidence">
        <h2 id="h-evidence">{rt(locale, 'evidence')}</h2>
        <dl class="facts">
          <dt>{rt(locale, 'pageUrl')}</dt>
          <dd>
            <span class="url" data-testid="page-url">
              {f.url}
            </span>
            <br />
            {href ? (
              <a href={href} rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">
                {rt(locale, 'openPage')}
              </a>
            ) : (
              <span class="muted">{rt(locale, 'unsafeUrl')}</span>
            )}
          </dd>
          <dt>{rt(locale, 'fetchedAt')}</dt>
          <dd>
            <When iso={detail.snapshot?.fetchedAt ?? f.lastSeenAt} />
          </dd>
          {detail.snapshot?.title ? (
            <>
              <dt>{rt(locale, 'snapshotTitle')}</dt>
              <dd>{detail.snapshot.title}</dd>
            </>
          ) : null}
          <dt>{rt(locale, 'match')}</dt>
          <dd>
            “{f.match}” <span class="muted">({rt(locale, 'position', { line: f.line, column: f.column })})</span>
          </dd>
        </dl>
        <Evidence locale={locale} context={f.context} match={f.match} snapshotText={detail.snapshot?.text ?? null} />
        <EvidenceSpans locale={locale} evidence={f.evidence} />
      </section>

      <section aria-labelledby="h-rule">
        <h2 id="h-rule">{rt(locale, 'ruleDetails')}</h2>
        {rule ? (
          <dl class="facts">
            <dt>{rt(locale, 'rule')}</dt>
            <dd>
              {title} ({f.ruleId})
            </dd>
            <dt>{rt(locale, 'ruleMessage')}</dt>
            <dd>{rule.spec.message[locale] ?? rule.spec.message.sv}</dd>
            <dt>{rt(locale, 'ruleSuggestion')}</dt>
            <dd>{rule.spec.suggestion[locale] ?? rule.spec.suggestion.sv}</dd>
            <dt>{rt(locale, 'ruleBasis')}</dt>
            <dd>
              {rtDynamic(locale, 'basisLevel', rule.spec.basis.level)}
              <ul>
                {rule.spec.basis.sources.map((s) => (
                  <li>
                    {s.id}: {sourceText(s, locale)}
                  </li>
                ))}
              </ul>
              {basisNote(rule.spec, locale) ? <p>{basisNote(rule.spec, locale)}</p> : null}
            </dd>
            <dt>{rt(locale, 'rulesetVersion')}</dt>
            <dd>
              {f.rulesetVersion}
              {f.rulesetVersion !== currentRulesetVersion ? ` (${rt(locale, 'rulesetCurrent', { v: currentRulesetVersion })})` : ''}
            </dd>
            <dt>{rt(locale, 'details')}</dt>
            <dd>
              <a href={localePath(locale, `/rules/${encodeURIComponent(f.ruleId)}`)}>{rt(locale, 'ruleLink')}</a>
            </dd>
          </dl>
        ) : (
          <p>
            {rt(locale, 'ruleUnknown')} {rt(locale, 'rulesetVersion')}: {f.rulesetVersion}. {f.message}
          </p>
        )}
      </section>

      <section aria-labelledby="h-actions">
        <h2 id="h-actions">{rt(locale, 'actions')}</h2>
        <div class="decisions">
          {actionAllowed('confirm', f.status) ? (
            <form method="post" action={action('confirm')}>
              <CsrfField reviewer={reviewer} />
              <p>{rt(locale, 'confirmHelp')}</p>
              <button type="submit">{rt(locale, 'confirmButton')}</button>
            </form>
          ) : null}
          {actionAllowed('dismiss', f.status) ? (
            <form method="post" action={action('dismiss')}>
              <CsrfField reviewer={reviewer} />
              <div class="form-row">
                <label for="dismiss-reason">
                  {rt(locale, 'reason')}
                  <span class="hint" id="dismiss-hint">
                    {rt(locale, 'dismissHelp')}
                  </span>
                </label>
                <textarea id="dismiss-reason" name="reason" required maxlength={1000} aria-describedby="dismiss-hint"></textarea>
              </div>
              <button type="submit">{rt(locale, 'dismissButton')}</button>
            </form>
          ) : null}
          {actionAllowed('undismiss', f.status) ? (
            <form method="post" action={action('undismiss')}>
              <CsrfField reviewer={reviewer} />
              <button type="submit">{rt(locale, 'undismissButton')}</button>
            </form>
          ) : null}
          <form method="post" action={action('assign')}>
            <CsrfField reviewer={reviewer} />
            <div class="form-row">
              <label for="assignee">{rt(locale, 'assignTo')}</label>
              <select id="assignee" name="assignee">
                <option value="">{rt(locale, 'unassigned')}</option>
                {colleagues.map((u) => (
                  <option value={String(u.id)} selected={u.id === f.assignedTo}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{rt(locale, 'assignButton')}</button>
          </form>
          <form method="post" action={action('note')}>
            <CsrfField reviewer={reviewer} />
            <div class="form-row">
              <label for="note">
                {rt(locale, 'noteLabel')}
                <span class="hint" id="note-hint">
                  {rt(locale, 'noteHint')}
                </span>
              </label>
              <textarea id="note" name="note" required maxlength={2000} aria-describedby="note-hint"></textarea>
            </div>
            <button type="submit">{rt(locale, 'noteButton')}</button>
          </form>
          <form method="post" action={action('recheck')}>
            <CsrfField reviewer={reviewer} />
            {detail.job?.active ? (
              <>
                <p>{rt(locale, 'recheckHelp', { n: recheckMinutes })}</p>
                <button type="submit">{rt(locale, 'recheckButton')}</button>
              </>
            ) : (
              <p>{rt(locale, 'recheckNoJob')}</p>
            )}
          </form>
        </div>
      </section>

      <section aria-labelledby="h-history">
        <h2 id="h-history">{rt(locale, 'history')}</h2>
        <DataTable caption={rt(locale, 'history')} columns={[rt(locale, 'when'), rt(locale, 'who'), rt(locale, 'what'), rt(locale, 'fromTo'), rt(locale, 'details')]} testId="history">
          {detail.events.map((e) => (
            <tr>
              <td>
                <When iso={e.at} />
              </td>
              <td>{actorName(locale, e.actor, names)}</td>
              <td>{rtDynamic(locale, 'event', e.kind)}</td>
              <td>{e.fromStatus || e.toStatus ? `${rtDynamic(locale, 'status', e.fromStatus)} → ${rtDynamic(locale, 'status', e.toStatus)}` : ''}</td>
              <td>{eventDetail(locale, e.kind, e.reason, names)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="h-diff">
        <h2 id="h-diff">{rt(locale, 'diffTitle')}</h2>
        <DiffView locale={locale} diff={diff} previousAt={detail.previous?.fetchedAt ?? null} />
      </section>
    </Layout>
  );
};
