import { Injectable } from '@nestjs/common';
import { FilesService } from '../../files/files.service';
import { MessageEntity } from '../../messages/message.entity';
import { MessagesRepository } from '../../messages/messages.repository';
import { RunEntity } from '../run.entity';
import { RunUsage } from '../run.types';
import { RunStepsRepository } from '../steps/run-steps.repository';
import { CitationIndex } from '../tools/file-search/citations';
import { citationIndexOf } from '../tools/file-search/citation-sources';
import { buildPrompt, Prompt } from './prompt-builder';
import { transcriptOf } from './run-transcript';

/** Gathers what the prompt needs from storage; `buildPrompt` decides what goes in. */
@Injectable()
export class PromptAssembler {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly steps: RunStepsRepository,
    private readonly files: FilesService,
  ) {}

  /** The prompt, and the citations the model can make from the file searches it saw. */
  async assemble(run: RunEntity, usage: RunUsage): Promise<{ prompt: Prompt; citations: CitationIndex }> {
    const [thread, steps] = await Promise.all([this.messages.allOfThread(run.threadId), this.steps.allOfRun(run.id)]);
    const history = thread.filter((message) => message.runId !== run.id);
    const ownMessages = new Map(
      thread.filter((message) => message.runId === run.id).map((message) => [message.id, message]),
    );
    const images = await this.imageUrls(run.owner, history);
    const prompt = buildPrompt({
      instructions: run.instructions,
      history,
      transcript: transcriptOf(steps, ownMessages),
      truncation: run.truncationStrategy ?? { type: 'auto' },
      // Both token limits are budgets for the whole run, across its model calls (SPEC §4).
      promptBudget: run.maxPromptTokens === null ? null : run.maxPromptTokens - usage.prompt_tokens,
      imageUrlOf: (fileId) => images.get(fileId),
    });
    return { prompt, citations: citationIndexOf(steps) };
  }

  private async imageUrls(owner: string, history: MessageEntity[]): Promise<Map<string, string>> {
    const fileIds = new Set(
      history.flatMap((message) =>
        message.content.flatMap((part) => (part.type === 'image_file' ? [part.image_file.file_id] : [])),
      ),
    );
    const urls = new Map<string, string>();
    for (const fileId of fileIds) {
      const url = await this.files.dataUrl(owner, fileId);
      if (url) {
        urls.set(fileId, url);
      }
    }
    return urls;
  }
}
