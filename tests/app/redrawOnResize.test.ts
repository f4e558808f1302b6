import { afterEach, describe, expect, it, vi } from 'vitest';
import { redrawOnResize } from '../../src/app/timeline/redrawOnResize';

/** A ResizeObserver that reports only when the test says so; `element`'s size is set by hand. */
function stubObserver() {
  const observers: { callback: ResizeObserverCallback; targets: Set<Element> }[] = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      private readonly entry: { callback: ResizeObserverCallback; targets: Set<Element> };
      constructor(callback: ResizeObserverCallback) {
        this.entry = { callback, targets: new Set() };
        observers.push(this.entry);
      }
      observe(target: Element) {
        this.entry.targets.add(target);
      }
      disconnect() {
        this.entry.targets.clear();
      }
    },
  );
  return {
    /** Delivers an observation to every observer still watching something. */
    report: () => {
      for (const { callback, targets } of observers) if (targets.size > 0) callback([], {} as ResizeObserver);
    },
  };
}

function sized(width: number, height: number): HTMLElement {
  const element = document.createElement('div');
  resize(element, width, height);
  return element;
}

function resize(element: HTMLElement, width: number, height: number): void {
  Object.defineProperty(element, 'clientWidth', { configurable: true, value: width });
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: height });
}

describe('redrawOnResize', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('redraws when the size differs from the one drawn at, and only then', () => {
    const observer = stubObserver();
    const element = sized(378, 144);
    const redraw = vi.fn();
    redrawOnResize(element, redraw);
    // The first observation reports the size the timeline was drawn at: nothing to do.
    observer.report();
    expect(redraw).not.toHaveBeenCalled();
    resize(element, 1020, 144);
    observer.report();
    expect(redraw).toHaveBeenCalledTimes(1);
    observer.report();
    expect(redraw).toHaveBeenCalledTimes(1);
    resize(element, 1020, 320);
    observer.report();
    expect(redraw).toHaveBeenCalledTimes(2);
  });

  it('redraws at the first observation when the size changed after drawing', () => {
    const observer = stubObserver();
    const element = sized(378, 144);
    const redraw = vi.fn();
    redrawOnResize(element, redraw);
    resize(element, 362, 144);
    observer.report();
    expect(redraw).toHaveBeenCalledTimes(1);
  });

  it('stops when told', () => {
    const observer = stubObserver();
    const element = sized(378, 144);
    const redraw = vi.fn();
    redrawOnResize(element, redraw)();
    resize(element, 1020, 320);
    observer.report();
    expect(redraw).not.toHaveBeenCalled();
  });
});
