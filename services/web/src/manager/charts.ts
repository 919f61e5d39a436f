import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Colours for marks on white, each at least 3:1 against it (WCAG 2.2 1.4.11); a chart never relies on
 * them alone: every bar is named on its axis and carries its figure as text.
 */
export const CHART_COLOURS = ['#1d70b8', '#b1361c', '#505a5f', '#00703c', '#6f3c97'];

const TEXT = '#0b0c0c';

/** What the page shows: the chart as an image with its text alternative; the same figures are in a table beside it. */
export interface RenderedChart {
  src: string;
  alt: string;
}

/**
 * A Vega-Lite specification compiled and rendered headless by Vega to SVG, on the server, so the chart
 * works without JavaScript. Shown as an image (the content security policy allows data: images).
 */
export async function renderChart(spec: TopLevelSpec, alt: string): Promise<RenderedChart> {
  const themed: TopLevelSpec = {
    ...spec,
    config: {
      font: 'Arial, sans-serif',
      background: '#ffffff',
      axis: {
        labelColor: TEXT,
        titleColor: TEXT,
        labelFontSize: 14,
        titleFontSize: 14,
        domainColor: '#505a5f',
        tickColor: '#505a5f',
        gridColor: '#b1b4b6',
      },
      header: { labelColor: TEXT, titleColor: TEXT, labelFontSize: 14, titleFontSize: 14, labelFontWeight: 'bold' },
      legend: { disable: true },
      view: { stroke: null },
      ...spec.config,
    },
  } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(themed).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, alt };
  } finally {
    view.finalize();
  }
}
