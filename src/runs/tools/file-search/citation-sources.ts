import { RunStepEntity } from '../../steps/run-step.entity';
import { CitationIndex, CitationSource } from './citations';

/** Every file_search result the run's steps recorded, by the marker it was labelled with. */
export function citationIndexOf(steps: RunStepEntity[]): CitationIndex {
  const sources: CitationSource[] = [];
  for (const step of steps) {
    if (step.stepDetails.type !== 'tool_calls') {
      continue;
    }
    for (const call of step.stepDetails.tool_calls) {
      if (call.type === 'file_search' && call.turn !== undefined) {
        const turn = call.turn;
        call.file_search.results?.forEach((result, index) => sources.push({ turn, index, fileId: result.file_id }));
      }
    }
  }
  return new CitationIndex(sources);
}

/** How many server tool calls the run has made: numbers each new call's source markers uniquely. */
export function serverCallsIn(steps: RunStepEntity[]): number {
  return steps.reduce(
    (count, step) =>
      count +
      (step.stepDetails.type === 'tool_calls'
        ? step.stepDetails.tool_calls.filter((call) => call.type !== 'function').length
        : 0),
    0,
  );
}
