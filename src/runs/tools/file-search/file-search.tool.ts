import { Injectable } from '@nestjs/common';
import { AssistantTool } from '../../../assistants/dto/assistant-shapes';
import { ChatTool } from '../../../model/chat.types';
import { SearchHit } from '../../../retrieval/search/search-hit';
import { VectorStoreSearchService } from '../../../vector-stores/search/vector-store-search.service';
import { ServerTool, ServerToolResult } from '../../engine/server-tool';
import { RunEntity } from '../../run.entity';
import { FileSearchToolCall } from '../../run.types';
import { sourceMarker } from './citations';

/** OpenAI's defaults for the file_search tool. */
const DEFAULT_MAX_RESULTS = 20;
const DEFAULT_RANKER = 'default_2024_08_21';

const DESCRIPTION =
  'Search the files the user has made available (their documents, manuals, policies) for passages ' +
  'relevant to a query. Each passage is labelled with a source marker such as 【3:0†file.pdf】; ' +
  'when you use a passage, cite it by writing its marker right after the statement it supports.';

/**
 * file_search executed by the server (SPEC §4): offered to the model as a function taking a
 * query, answered from the run's vector stores (the assistant's and the thread's), recorded
 * on the step with its results, and labelled with the markers that citations resolve.
 */
@Injectable()
export class FileSearchTool implements ServerTool {
  readonly type = 'file_search';

  constructor(private readonly search: VectorStoreSearchService) {}

  definition(): ChatTool {
    return {
      type: 'function',
      function: {
        name: this.type,
        description: DESCRIPTION,
        parameters: {
          type: 'object',
          properties: { query: { type: 'string', description: 'What to look for, in words the files would use.' } },
          required: ['query'],
        },
      },
    };
  }

  async execute(run: RunEntity, call: { id: string; arguments: string }, turn: number): Promise<ServerToolResult> {
    const settings = settingsOf(run);
    const query = queryOf(call.arguments);
    const hits =
      query === null
        ? []
        : await this.search.searchStores(run.owner, run.vectorStoreIds, {
            text: query,
            limit: settings.max_num_results ?? DEFAULT_MAX_RESULTS,
            scoreThreshold: settings.ranking_options?.score_threshold,
          });
    const output =
      query === null ? 'Error: call file_search with a JSON object {"query": "…"}.' : toolOutput(hits, turn);
    const recorded: FileSearchToolCall = {
      id: call.id,
      type: 'file_search',
      file_search: {
        ranking_options: {
          ranker: DEFAULT_RANKER,
          score_threshold: settings.ranking_options?.score_threshold ?? 0,
        },
        results: hits.map((hit) => ({
          file_id: hit.fileId,
          file_name: hit.filename,
          score: hit.score,
          content: [{ type: 'text', text: hit.content }],
        })),
      },
      arguments: call.arguments,
      output,
      turn,
    };
    return { output, call: recorded };
  }
}

type FileSearchSettings = NonNullable<Extract<AssistantTool, { type: 'file_search' }>['file_search']>;

function settingsOf(run: RunEntity): FileSearchSettings {
  const tool = run.tools.find((candidate) => candidate.type === 'file_search');
  return (tool?.type === 'file_search' && tool.file_search) || {};
}

/** The model's query; a model that sends no usable query is told so in the tool message. */
function queryOf(args: string): string | null {
  try {
    const parsed: unknown = JSON.parse(args);
    const query = (parsed as { query?: unknown } | null)?.query;
    return typeof query === 'string' && query.trim() !== '' ? query : null;
  } catch {
    return null;
  }
}

function toolOutput(hits: SearchHit[], turn: number): string {
  if (hits.length === 0) {
    return 'No passage in the files matches this query.';
  }
  const passages = hits.map((hit, index) => `${sourceMarker(turn, index, hit.filename)}\n${hit.content}`);
  return `Passages found, each after its source marker (cite with the marker):\n\n${passages.join('\n\n')}`;
}
