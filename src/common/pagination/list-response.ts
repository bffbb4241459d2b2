import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI schema of a list envelope holding `item` objects. */
export function ListResponse<T>(item: Type<T>, name: string) {
  class ListResponseClass {
    @ApiProperty({ enum: ['list'] })
    object: 'list';

    @ApiProperty({ type: [item] })
    data: T[];

    @ApiProperty({ type: String, nullable: true })
    first_id: string | null;

    @ApiProperty({ type: String, nullable: true })
    last_id: string | null;

    @ApiProperty()
    has_more: boolean;
  }
  Object.defineProperty(ListResponseClass, 'name', { value: name });
  return ListResponseClass;
}

/** The OpenAPI schema of a delete confirmation (`{id, object: "<kind>.deleted", deleted: true}`). */
export function DeletedResponse(objectName: string, name: string) {
  class DeletedResponseClass {
    @ApiProperty()
    id: string;

    @ApiProperty({ enum: [objectName] })
    object: string;

    @ApiProperty()
    deleted: boolean;
  }
  Object.defineProperty(DeletedResponseClass, 'name', { value: name });
  return DeletedResponseClass;
}
