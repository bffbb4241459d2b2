/**
 * Source markers and file citations (SPEC §4). Each file_search result reaches the model
 * labelled `【{turn}:{n}†{filename}】`; every such marker in the answer becomes a
 * `file_citation` annotation over the marker's own characters. A marker naming no result the
 * run saw (a model's invention) is left as plain text.
 */
export interface CitationSource {
  turn: number;
  index: number;
  fileId: string;
}

/** A type, not an interface: message content stores annotations as plain records. */
export type FileCitation = {
  type: 'file_citation';
  text: string;
  start_index: number;
  end_index: number;
  file_citation: { file_id: string };
};

const MARKER = /【(\d+):(\d+)†[^【】]*】/g;

export function sourceMarker(turn: number, index: number, filename: string): string {
  return `【${turn}:${index}†${filename}】`;
}

/** The results a run's file searches returned, by their marker's turn and position. */
export class CitationIndex {
  private readonly files = new Map<string, string>();

  constructor(sources: CitationSource[] = []) {
    for (const source of sources) {
      this.files.set(`${source.turn}:${source.index}`, source.fileId);
    }
  }

  get isEmpty(): boolean {
    return this.files.size === 0;
  }

  /** The citations in `text`, for markers that start at or after `from`. */
  citationsIn(text: string, from = 0): FileCitation[] {
    const citations: FileCitation[] = [];
    MARKER.lastIndex = from;
    for (let match = MARKER.exec(text); match !== null; match = MARKER.exec(text)) {
      const fileId = this.files.get(`${match[1]}:${match[2]}`);
      if (fileId !== undefined) {
        citations.push({
          type: 'file_citation',
          text: match[0],
          start_index: match.index,
          end_index: match.index + match[0].length,
          file_citation: { file_id: fileId },
        });
      }
    }
    return citations;
  }
}

/**
 * Finds citations in a message as it streams: a marker may arrive split across deltas, and is
 * announced with the delta that closes it, numbered as the stored message will number it.
 */
export class StreamingCitations {
  private text = '';
  private scanFrom = 0;
  private count = 0;

  constructor(private readonly index: CitationIndex) {}

  push(delta: string): Array<FileCitation & { index: number }> {
    this.text += delta;
    if (this.index.isEmpty) {
      return [];
    }
    const found = this.index.citationsIn(this.text, this.scanFrom);
    // Rescan from an unclosed marker next time; everything before it is settled.
    const open = this.text.lastIndexOf('【');
    this.scanFrom = open >= this.scanFrom && this.text.indexOf('】', open) === -1 ? open : this.text.length;
    return found.map((citation) => ({ index: this.count++, ...citation }));
  }
}
