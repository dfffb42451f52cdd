import { AnnotationEntity } from '../modules/annotation/annotation.entity';
import { CitationEntity } from '../modules/annotation/citation.entity';
import { ArticleEntity } from '../modules/article/article.entity';
import { ClaimEntity } from '../modules/claim/claim.entity';
import { SourceEntity } from '../modules/source/source.entity';
import { UserEntity } from '../modules/user/user.entity';

/** Every table of the service; migrations must match these exactly (npm run check). */
export const ENTITIES = [UserEntity, ArticleEntity, ClaimEntity, SourceEntity, AnnotationEntity, CitationEntity];
