/**
 * A small server-rendered SVG bar chart (grouped bars per category) with an accessible name and
 * description, and the same figures as a table for screen readers and keyboard users. Colours
 * come from the stylesheet (classes), so the CSP's style-src needs no exception.
 */
import type { FC } from 'hono/jsx';
import { DataTable } from '../../views/components';

export interface Series {
  label: string;
  /** CSS class giving the bars their colour (see review styles: .bar-new, .bar-resolved). */
  className: string;
  values: number[];
}

export interface BarChartProps {
  id: string;
  title: string;
  desc: string;
  categories: string[];
  series: Series[];
  tableCaption: string;
  categoryHeader: string;
}

const W = 640;
const H = 220;
const PAD = { left: 36, right: 8, top: 12, bottom: 36 };

/** Rounds the axis maximum up to a readable step. */
function niceMax(n: number): number {
  if (n <= 4) return 4;
  const mag = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= n) return m * mag;
  return 10 * mag;
}

/** The chart and its data table. */
export const BarChart: FC<BarChartProps> = ({ id, title, desc, categories, series, tableCaption, categoryHeader }) => {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {ticks.map((t) => (
          <g>
            <line class="chart-grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text class="chart-axis" x={PAD.left - 4} y={y(t) + 4} text-anchor="end">
              {String(Math.round(t))}
            </text>
          </g>
        ))}
        {categories.map((cat, i) => (
          <g>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const x = PAD.left + i * groupW + groupW * 0.1 + k * barW;
              return <rect class={s.className} x={x.toFixed(1)} y={y(v).toFixed(1)} width={barW.toFixed(1)} height={(PAD.top + plotH - y(v)).toFixed(1)} />;
            })}
            <text class="chart-axis" x={(PAD.left + i * groupW + groupW / 2).toFixed(1)} y={H - PAD.bottom + 16} text-anchor="middle">
              {cat}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="chart-legend">
          {series.map((s) => (
            <li>
              <span class={`swatch ${s.className}`} aria-hidden="true"></span>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <details class="chart-data">
        <summary>{tableCaption}</summary>
        <DataTable caption={title} columns={[categoryHeader, ...series.map((s) => s.label)]}>
          {categories.map((cat, i) => (
            <tr>
              <th scope="row">{cat}</th>
              {series.map((s) => (
                <td>{String(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
};
