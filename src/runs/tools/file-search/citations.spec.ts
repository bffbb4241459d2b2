import { CitationIndex, sourceMarker, StreamingCitations } from './citations';

describe('citations', () => {
  const index = new CitationIndex([
    { turn: 1, index: 0, fileId: 'file-a' },
    { turn: 1, index: 1, fileId: 'file-b' },
  ]);

  it('should turn known markers into file_citation annotations over their own characters', () => {
    const text = `Returns take 30 days ${sourceMarker(1, 0, 'faq.md')} and cost nothing ${sourceMarker(1, 1, 'p.txt')}.`;
    const citations = index.citationsIn(text);
    expect(citations).toHaveLength(2);
    for (const citation of citations) {
      expect(text.slice(citation.start_index, citation.end_index)).toBe(citation.text);
    }
    expect(citations.map((citation) => citation.file_citation.file_id)).toEqual(['file-a', 'file-b']);
  });

  it('should leave markers naming no result of the run as plain text', () => {
    expect(index.citationsIn('see 【7:3†made-up.pdf】 and 【1:9†x】')).toEqual([]);
  });

  it('should find a marker split across stream deltas once, in the delta that closes it', () => {
    const stream = new StreamingCitations(index);
    const text = `A ${sourceMarker(1, 0, 'faq.md')} B ${sourceMarker(1, 1, 'p.txt')}`;
    const pieces = [text.slice(0, 3), text.slice(3, 9), text.slice(9, 15), text.slice(15)];
    const found = pieces.map((piece) => stream.push(piece));
    const all = found.flat();
    expect(all.map((citation) => citation.index)).toEqual([0, 1]);
    expect(all).toEqual(index.citationsIn(text).map((citation, i) => ({ index: i, ...citation })));
    expect(found[0]).toEqual([]);
  });
});
