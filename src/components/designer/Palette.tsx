import { PALETTE } from '../../model/index.ts';
import { PaletteItem } from './PaletteItem.tsx';

/** The node kinds: drag one onto the canvas, or press it (click, Enter) to add it at a free spot. */
export function Palette() {
  return (
    <nav className="palette" aria-labelledby="palette-heading">
      <h2 id="palette-heading" className="side-heading">
        Nodes
      </h2>
      <ul className="palette-list">
        {PALETTE.map((entry) => (
          <li key={entry.kind}>
            <PaletteItem kind={entry.kind} label={entry.label} />
          </li>
        ))}
      </ul>
      <p className="palette-hint">Drag onto the canvas, or press to add.</p>
    </nav>
  );
}
