import { EntityManager } from 'typeorm';

/**
 * Removes a deleted file from the `tool_resources.code_interpreter.file_ids` of one owner's rows
 * in `table` (assistants or threads), in one statement, touching only rows that name the file.
 */
export async function detachFileFromToolResources(
  manager: EntityManager,
  table: 'assistants' | 'threads',
  owner: string,
  fileId: string,
): Promise<number> {
  const [, affected] = await manager.query(
    `UPDATE ${table}
        SET tool_resources = jsonb_set(
              tool_resources, '{code_interpreter,file_ids}',
              (tool_resources #> '{code_interpreter,file_ids}') - $2::text)
      WHERE owner = $1 AND tool_resources #> '{code_interpreter,file_ids}' ? $2`,
    [owner, fileId],
  );
  return affected as number;
}
