import { describe, expect, it } from 'vitest';
import { imageFrame, svgOfDataUrl } from './canvasImage.ts';

describe('imageFrame', () => {
  it('draws a small graph at zoom 1 with 40 px around it', () => {
    expect(imageFrame({ x: 100, y: -50, width: 800, height: 120 })).toEqual({
      width: 880,
      height: 200,
      transform: 'translate(-60px, 90px) scale(1)',
    });
  });

  it('scales a huge graph down so its longest side fits 4096 px', () => {
    const frame = imageFrame({ x: 0, y: 0, width: 40_160, height: 2_000 });
    expect(frame.width).toBe(4096);
    expect(frame.height).toBe(280);
    expect(frame.transform).toBe('translate(40px, 40px) scale(0.1)');
  });
});

describe('svgOfDataUrl', () => {
  it('decodes html-to-image SVG data URLs', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>a & b</text></svg>';
    expect(svgOfDataUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)).toBe(svg);
    expect(() => svgOfDataUrl('data:image/png;base64,AAAA')).toThrow('the SVG renderer answered something else');
  });
});
