/**
 * The API reference at /api/docs: server-rendered from the OpenAPI document (no JavaScript, no
 * CDN, nothing extra in the Worker bundle). Opens with the document's guide (getting a key,
 * sending it, limits, the CLI) and a table of contents, then every operation with method, path,
 * parameters, request and response schemas, examples and a curl command, then the shared schemas.
 * Descriptions are markdown, rendered by doc-markdown (escaped, never as raw HTML).
 */
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { STYLESHEET_PATH } from '../views/static-routes';
import { DataTable } from '../views/components';
import { DocText, headingsOf } from './doc-markdown';
import type { OpenApiDocument } from './openapi';
import { DOCS_CSS_PATH } from './docs-styles';

type Schema = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const refName = (ref: string) => ref.replace('#/components/schemas/', '');
const anchor = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');

/** Short type label of a schema: "string", "array of Finding", "low | high" … */
function typeLabel(s: Schema | undefined): string {
  if (!s) return 'any';
  if (s.$ref) return refName(s.$ref);
  if (s.enum) return s.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  if (s.anyOf || s.oneOf) return (s.anyOf ?? s.oneOf).map(typeLabel).join(' | ');
  if (s.type === 'array') return `array of ${typeLabel(s.items)}`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties) return `map of ${typeLabel(s.additionalProperties)}`;
  const t = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  const limits = [s.minLength !== undefined ? `≥ ${s.minLength} chars` : '', s.maxLength !== undefined ? `≤ ${s.maxLength} chars` : '', s.minItems !== undefined ? `≥ ${s.minItems} items` : '', s.maxItems !== undefined ? `≤ ${s.maxItems} items` : '', s.format ?? '']
    .filter(Boolean)
    .join(', ');
  return limits ? `${t} (${limits})` : t;
}

const TypeRef: FC<{ schema: Schema | undefined }> = ({ schema }) => {
  const ref = schema?.$ref ?? (schema?.type === 'array' ? schema.items?.$ref : undefined);
  if (ref) {
    const name = refName(ref);
    return (
      <code>
        {schema?.type === 'array' ? 'array of ' : ''}
        <a href={`#schema-${anchor(name)}`}>{name}</a>
      </code>
    );
  }
  return <code>{typeLabel(schema)}</code>;
};

/** Properties of an object schema as a table, nested objects inline (depth-limited). */
const SchemaView: FC<{ schema: Schema | undefined; depth?: number }> = ({ schema, depth = 0 }) => {
  if (!schema) return null;
  if (schema.$ref || schema.type !== 'object' || !schema.properties || depth > 3) {
    return (
      <p>
        Type: <TypeRef schema={schema} />
        {schema.description ? (
          <>
            {' — '}
            <DocText text={schema.description} inline />
          </>
        ) : null}
      </p>
    );
  }
  const required = new Set<string>(schema.required ?? []);
  return (
    <>
      <DataTable caption="Fields" columns={['Field', 'Type', 'Required', 'Description']}>
        {Object.entries(schema.properties as Record<string, Schema>).map(([name, prop]) => (
          <tr>
            <td>
              <code>{name}</code>
            </td>
            <td>
              <TypeRef schema={prop} />
              {prop.type === 'object' && prop.properties ? <SchemaView schema={prop} depth={depth + 1} /> : null}
            </td>
            <td>{required.has(name) ? 'yes' : 'no'}</td>
            <td>
              <DocText text={prop.description} inline />
              {prop.example !== undefined ? (
                <>
                  {' '}
                  Example: <code>{JSON.stringify(prop.example)}</code>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {schema.additionalProperties === false ? <p class="muted">No other fields are accepted.</p> : null}
    </>
  );
};

function resolve(doc: OpenApiDocument, s: Schema | undefined): Schema | undefined {
  if (s?.$ref) return (doc.components?.schemas as Record<string, Schema> | undefined)?.[refName(s.$ref)];
  return s;
}

/** A shell-quoted single-quoted string. */
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function curlFor(baseUrl: string, method: string, path: string, op: Schema, doc: OpenApiDocument): string {
  const concretePath = path.replace(/\{(\w+)\}/g, (_, p) => {
    const param = (op.parameters ?? []).find((x: Schema) => x.name === p);
    return String(param?.schema?.example ?? param?.example ?? `<${p}>`);
  });
  const lines = [`curl -sS${method === 'get' ? '' : ` -X ${method.toUpperCase()}`} ${shq(baseUrl + concretePath)}`];
  if (op.security?.length) lines.push('  -H "Authorization: Bearer $VALKOLLEN_API_KEY"');
  const body = op.requestBody?.content?.['application/json'];
  if (body) {
    const example = body.example ?? resolve(doc, body.schema)?.example ?? {};
    lines.push(`  -H 'Content-Type: application/json'`, `  --data ${shq(JSON.stringify(example))}`);
  }
  return lines.join(' \\\n');
}

const Operation: FC<{ doc: OpenApiDocument; method: string; path: string; op: Schema; baseUrl: string }> = ({ doc, method, path, op, baseUrl }) => {
  const id = `op-${anchor(op.operationId ?? `${method}-${path}`)}`;
  const body = op.requestBody?.content?.['application/json'];
  const bodyExample = body ? (body.example ?? resolve(doc, body.schema)?.example) : undefined;
  return (
    <section class="operation" aria-labelledby={id}>
      <h3 id={id}>
        <span class={`method method-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      {op.summary ? <p class="lead">{op.summary}</p> : null}
      <DocText text={op.description} headingLevel={4} />
      <p>
        <strong>Authentication:</strong>{' '}
        {op.security?.length ? (
          <>
            API key required, sent as <code>Authorization: Bearer &lt;key&gt;</code> (<a href="#getting-an-api-key">how to get a key</a>).
          </>
        ) : (
          'none (public).'
        )}
      </p>
      {op.parameters?.length ? (
        <>
          <h4>Parameters</h4>
          <DataTable caption={`Parameters of ${method.toUpperCase()} ${path}`} columns={['Name', 'In', 'Type', 'Required', 'Description']}>
            {op.parameters.map((p: Schema) => (
              <tr>
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.in}</td>
                <td>
                  <TypeRef schema={p.schema} />
                </td>
                <td>{p.required ? 'yes' : 'no'}</td>
                <td>
                  <DocText text={p.description ?? p.schema?.description} inline />
                  {p.schema?.example !== undefined ? (
                    <>
                      {' '}
                      Example: <code>{String(p.schema.example)}</code>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
      {body ? (
        <>
          <h4>Request body ({op.requestBody.required ? 'required' : 'optional'}, application/json)</h4>
          <p>
            Schema: <TypeRef schema={body.schema} />
          </p>
          {bodyExample !== undefined ? (
            <>
              <p>Example:</p>
              <pre>
                <code>{JSON.stringify(bodyExample, null, 2)}</code>
              </pre>
            </>
          ) : null}
        </>
      ) : null}
      <h4>Responses</h4>
      <DataTable caption={`Responses of ${method.toUpperCase()} ${path}`} columns={['Status', 'Description', 'Body', 'Headers']}>
        {Object.entries(op.responses as Record<string, Schema>).map(([status, r]) => (
          <tr>
            <td>
              <strong>{status}</strong>
            </td>
            <td>
              <DocText text={r.description} inline />
            </td>
            <td>{r.content?.['application/json'] ? <TypeRef schema={r.content['application/json'].schema} /> : '–'}</td>
            <td>{r.headers ? Object.keys(r.headers).map((h, i) => <>{i ? ', ' : ''}<code>{h}</code></>) : '–'}</td>
          </tr>
        ))}
      </DataTable>
      <h4>curl</h4>
      <pre>
        <code>{curlFor(baseUrl, method, path, op, doc)}</code>
      </pre>
    </section>
  );
};

/** The whole reference page for `doc`. */
export const ReferencePage: FC<{ doc: OpenApiDocument }> = ({ doc }) => {
  const baseUrl = doc.servers?.[0]?.url ?? '';
  const ops: { method: string; path: string; op: Schema }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const m of METHODS) if ((item as Schema)[m]) ops.push({ method: m, path, op: (item as Schema)[m] });
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, Schema>);
  // The guide's opening paragraphs come before the table of contents, its sections after it.
  const description = doc.info.description ?? '';
  const firstHeading = description.search(/^#{1,6}\s/m);
  const intro = firstHeading < 0 ? description : description.slice(0, firstHeading);
  const sections = firstHeading < 0 ? '' : description.slice(firstHeading);
  const guide = headingsOf(sections);
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${doc.info.title} – reference`}</title>
          <link rel="stylesheet" href={STYLESHEET_PATH} />
          <link rel="stylesheet" href={DOCS_CSS_PATH} />
          {/* No favicon request (it would 404) */}
          <link rel="icon" href="data:," />
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site">
            <div class="bar">
              <a class="brand" href="/">
                Valkollen
              </a>
              <a href="/api/openapi.json">OpenAPI document (JSON)</a>
            </div>
          </header>
          <main id="main" tabindex={-1}>
            <h1>{doc.info.title}</h1>
            <p class="muted">
              Version {doc.info.version} · OpenAPI {doc.openapi} · Server {baseUrl}
            </p>
            <DocText text={intro} headingLevel={2} />
            <nav aria-labelledby="toc-title" class="toc">
              <h2 id="toc-title">On this page</h2>
              <ul>
                {guide.map((h) => (
                  <li>
                    <a href={`#${h.id}`}>{h.text}</a>
                  </li>
                ))}
                <li>
                  <a href="#operations">Operations</a>
                  <ul>
                    {ops.map(({ method, path, op }) => (
                      <li>
                        <a href={`#op-${anchor(op.operationId ?? `${method}-${path}`)}`}>
                          <code>
                            {method.toUpperCase()} {path}
                          </code>
                        </a>{' '}
                        {op.summary ?? ''}
                      </li>
                    ))}
                  </ul>
                </li>
                <li>
                  <a href="#schemas">Schemas</a>
                </li>
              </ul>
            </nav>
            <DocText text={sections} headingLevel={2} />
            <h2 id="operations">Operations</h2>
            {ops.map(({ method, path, op }) => (
              <Operation doc={doc} method={method} path={path} op={op} baseUrl={baseUrl} />
            ))}
            <h2 id="schemas">Schemas</h2>
            {schemas.map(([name, s]) => (
              <section aria-labelledby={`schema-${anchor(name)}`}>
                <h3 id={`schema-${anchor(name)}`}>{name}</h3>
                <DocText text={s.description} headingLevel={4} />
                <SchemaView schema={s} />
                {s.example !== undefined ? (
                  <pre>
                    <code>{JSON.stringify(s.example, null, 2)}</code>
                  </pre>
                ) : null}
              </section>
            ))}
          </main>
        </body>
      </html>
    </>
  );
};
