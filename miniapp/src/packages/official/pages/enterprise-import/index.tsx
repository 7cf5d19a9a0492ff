import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EnterpriseImportResult } from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useSession } from '../../../../hooks/useSession';
import { useWorkbookImport } from '../../../../hooks/useWorkbookImport';
import '../../official.css';

const TEMPLATE_NAME = '企业导入模板.xlsx';

/** The outcome of one import: the counts, then every problem of every refused row. */
function ImportReport({ result }: { result: EnterpriseImportResult }) {
  const refusedRows = new Set(result.rejected.map((r) => r.row)).size;
  return (
    <View className="card off-import__report">
      <View className="card__title">导入结果</View>
      <View className="off-import__summary">{`共 ${result.total} 行，导入 ${result.imported} 家，未导入 ${refusedRows} 行`}</View>
      {result.rejected.length ? (
        <View className="off-import__rejected">
          <View className="muted">以下各行未导入，请修改后重新导入这些行：</View>
          {result.rejected.map((r, i) => (
            <View key={`${r.row}-${r.field}-${i}`} className="off-import__problem">
              <View className="off-import__where">{`第 ${r.row} 行 · ${r.field}${r.column ? `（${r.column} 列）` : ''}`}</View>
              <View className="off-import__why">{r.message}</View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** 批量导入企业: regulators download the template, fill it in Excel, and import it; businesses imported are in force at once. */
export default function EnterpriseImportPage() {
  const { session } = useSession();
  const { file, result, downloading, importing, downloadTemplate, pick, runImport } = useWorkbookImport({
    templateSrc: api.enterprises.importTemplateSrc,
    templateName: TEMPLATE_NAME,
    send: api.enterprises.import,
  });

  if (!session) return <PageContainer loading />;
  return (
    <PageContainer>
      <View className="card">
        <View className="card__title">批量导入企业</View>
        <View className="muted">{`按模板填写${session.user.regionName ?? '本辖区'}的食品经营者，每行一家。导入的企业立即生效；有问题的行整行不导入，下方会列出行号和原因。`}</View>
        <View className="off-import__actions">
          <Button fill="outline" loading={downloading} onClick={() => void downloadTemplate()}>
            下载模板
          </Button>
        </View>
      </View>

      <View className="card">
        <View className="off-import__file">{file ? `已选择：${file.name ?? '表格文件'}` : '尚未选择文件'}</View>
        <View className="off-import__actions">
          <Button fill="outline" disabled={importing} onClick={() => void pick()}>
            选择 .xlsx 文件
          </Button>
          <Button type="primary" disabled={!file} loading={importing} onClick={() => void runImport()}>
            导入
          </Button>
        </View>
      </View>

      {result ? <ImportReport result={result} /> : null}
    </PageContainer>
  );
}
