import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useConsoleText } from '../texts.ts';
import type { Volume } from '../types.ts';

// Only the pieces a bar chart uses, so the bundle leaves the rest of chart.js out.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface VolumePoint extends Volume {
  label: string;
}

/**
 * Calls per bucket as grouped bars. A canvas says nothing to a screen reader, so the figure carries
 * a summary as its accessible name and the same values as a table only assistive technology reads.
 */
export function VolumeChart({
  title,
  column,
  points,
  format,
}: {
  title: string;
  column: string;
  points: VolumePoint[];
  format: (value: number) => string;
}) {
  const t = useConsoleText();
  const canvas = useRef<HTMLCanvasElement>(null);
  const titleId = useId();
  // Memoised so the chart is drawn again only when the language or the figures change.
  const series = useMemo(
    () =>
      [
        { key: 'inbound', label: t('dash.inbound'), color: '#2563eb' },
        { key: 'outbound', label: t('dash.outbound'), color: '#0f766e' },
        { key: 'missed', label: t('dash.missedSeries'), color: '#b91c1c' },
      ] as const,
    [t],
  );
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: points.map((p) => p.label),
        datasets: series.map((s) => ({
          label: s.label,
          data: points.map((p) => p[s.key]),
          backgroundColor: s.color,
        })),
      },
      options: {
        // Redrawn on every range change: animating adds nothing and blurs screenshots.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => format(Number(v)) } } },
        plugins: { legend: { position: 'bottom' } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [points, series, format]);

  const totals = points.map((p) => p.inbound + p.outbound);
  const total = totals.reduce((sum, n) => sum + n, 0);
  const peakIndex = totals.indexOf(Math.max(...totals, 0));
  const summary =
    total === 0
      ? t('dash.chartEmpty', { title })
      : t('dash.chartSummary', {
          title,
          total: format(total),
          peak: points[peakIndex]?.label ?? '',
          peakCalls: format(totals[peakIndex] ?? 0),
        });

  return (
    <figure className="chart card" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <h3>{title}</h3>
      </figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              {series.map((s) => (
                <td key={s.key}>{format(p[s.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
