import { Body, Controller, Get, Headers, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Page, ReviewDto, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { CreateReviewDto, ListReviewsQuery } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews 记录审阅')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(@Inject(ReviewsService) private readonly reviews: ReviewsService) {}

  @Post()
  @Roles(Role.Regulator, Role.Cadre)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每次审阅一个唯一值；重试时使用同一个值，服务器返回原结果' })
  @ApiOperation({
    summary: '审阅本辖区企业提交的记录：已审阅，或退回（须填写意见）；可标记有问题',
    description: '只能审阅记录的最新版本，旧版本返回 409。退回后企业在待办中看到「记录被退回：意见」，以更正（新版本）答复；记录本身不会被修改。',
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateReviewDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    const result = await this.reviews.create(caller, key, dto);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get()
  @ApiOperation({
    summary: '审阅记录（监管人员限本辖区；企业用户限本企业）',
    description: 'recordType + recordId：该记录各版本的审阅历史，最早的在前；enterpriseId：某企业的审阅记录，最新的在前。',
  })
  list(@CurrentCaller() caller: Caller, @Query() q: ListReviewsQuery): Promise<Page<ReviewDto>> {
    return this.reviews.list(caller, q);
  }
}
