import { Controller, Get, Header, Inject, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { FILE_KINDS, FileDto, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { APP_CONFIG, AppConfig } from '../config/config';
import { FilesService } from './files.service';
import { readUpload } from './multipart';

@ApiTags('files 证据文件')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(
    @Inject(FilesService) private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles(Role.Principal, Role.Director, Role.Officer, Role.Cadre)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'JPEG / PNG / WebP（kind=document 或 credential 时也可为 PDF），按文件内容判断类型' },
        kind: { type: 'string', enum: [...FILE_KINDS], default: 'photo', description: 'photo 照片 / document 文件 / signature 签名 / credential 资质证明（任命书、培训记录、考核结果）' },
        enterpriseId: { type: 'string', format: 'uuid', description: '包保干部上传督导照片时填写：本人当前包保的企业；不填则为干部本人的文件（如承诺书扫描件）' },
      },
    },
  })
  @ApiOperation({ summary: '上传本企业的证据文件（照片、文件、签名、资质证明）；包保干部上传督导照片须注明所包保的企业（enterpriseId），本人文件（承诺书扫描件）不填；超过大小上限返回 413' })
  async upload(@CurrentCaller() caller: Caller, @Req() req: FastifyRequest): Promise<FileDto> {
    return this.files.upload(caller, await readUpload(req, this.config.uploadMaxBytes));
  }

  @Get(':id/meta')
  @ApiOperation({ summary: '文件信息（与记录同样的查看范围；无权查看与不存在同为 404）' })
  meta(@CurrentCaller() caller: Caller, @Param('id', uuidParam('文件ID')) id: string): Promise<FileDto> {
    return this.files.findOne(caller, id);
  }

  @Get(':id')
  @Header('Cache-Control', 'private, max-age=31536000, immutable')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'application/pdf')
  @ApiOperation({ summary: '文件内容（与记录同样的查看范围；无权查看与不存在同为 404）' })
  async download(@CurrentCaller() caller: Caller, @Param('id', uuidParam('文件ID')) id: string): Promise<StreamableFile> {
    const { file, stream } = await this.files.open(caller, id);
    // Images display inline; a PDF is downloaded rather than rendered in the API's origin.
    const disposition = `${file.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename="${file.id}.${file.mime.split('/')[1].replace('jpeg', 'jpg')}"`;
    return new StreamableFile(stream, { type: file.mime, length: file.size, disposition });
  }
}
