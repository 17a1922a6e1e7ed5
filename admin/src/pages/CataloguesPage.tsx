import { Alert, App, Button, Card, Col, Form, Input, Modal, Popconfirm, Radio, Row, Select, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, uploadFile, type Me } from '../api';
import type { CatalogueDto, CatalogueItemDto, WatchRowDto } from '../../../src/modules/catalogues/dto';
import { AUDIENCE_LABELS, CATALOGUE_STATUS_LABELS, CHANNELS, LEVEL_LABELS, METHOD_LABELS, WATCH_LABELS, type WatchState } from '../../../src/modules/catalogues/enums';
import { buildTree, useUnits } from '../units';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const options = <T extends string>(labels: Record<T, string>) => (Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }));
const WATCH_STYLE: Record<WatchState, React.CSSProperties> = {
  on_time: { color: '#1b5e20', background: '#e8f5e9' }, due_soon: { color: '#5a3e00', background: '#fff4d6' }, overdue: { color: '#8e1b1b', background: '#fdecea' },
  never: { color: '#424242', background: '#eeeeee' }, no_rule: { color: '#0b3d91', background: '#e3ecfa' }, calendar_missing: { color: '#8e1b1b', background: '#fff4d6' },
};

interface Summary { id: number; version: number; status: CatalogueDto['status']; itemCount: number }

function CatalogueTab({ me, unitId }: { me: Me; unitId: number }) {
  const { message } = App.useApp();
  const [versions, setVersions] = useState<Summary[]>([]);
  const [catalogue, setCatalogue] = useState<CatalogueDto | null>(null);
  const [editing, setEditing] = useState<CatalogueItemDto | 'new' | null>(null);
  const [importErrors, setImportErrors] = useState<Array<{ row: number; column: string | null; message: string }>>([]);
  const [domains, setDomains] = useState<Array<{ id: number; name: string }>>([]);
  const [form] = Form.useForm();

  const load = useCallback(async (preferId?: number) => {
    const list = (await api<{ items: Summary[] }>('GET', `/units/${unitId}/catalogues`)).items;
    setVersions(list);
    const pick = list.find((v) => v.id === preferId) ?? list.find((v) => v.status === 'draft') ?? list.find((v) => v.status === 'published') ?? list[0];
    setCatalogue(pick ? await api<CatalogueDto>('GET', `/catalogues/${pick.id}`) : null);
  }, [unitId]);
  useEffect(() => {
    void load().catch((e) => message.error(e instanceof ApiError ? e.message : '加载失败'));
    void api<{ items: Array<{ id: number; name: string }> }>('GET', '/catalogue-domains').then((d) => setDomains(d.items));
  }, [load, message]);

  const act = async (fn: () => Promise<CatalogueDto>, ok: string) => {
    try {
      const c = await fn();
      message.success(ok);
      await load(c.id);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  const isDraft = catalogue?.status === 'draft';
  const canEdit = me.permissions.includes('catalogue.edit');

  const openItem = (item: CatalogueItemDto | 'new') => {
    form.resetFields();
    form.setFieldsValue(item === 'new' ? { audience: 'all', method: 'proactive', levels: ['county'], channels: ['政府网站'], timeLimit: '自信息形成或者变更之日起20个工作日内' } : item);
    setEditing(item);
  };
  const saveItem = async () => {
    const v = await form.validateFields();
    await act(() => (editing === 'new' ? api<CatalogueDto>('POST', `/catalogues/${catalogue!.id}/items`, v) : api<CatalogueDto>('PUT', `/catalogue-items/${(editing as CatalogueItemDto).id}`, v)), '已保存');
    setEditing(null);
  };
  const importFile = async (file: File) => {
    setImportErrors([]);
    try {
      const c = await uploadFile<CatalogueDto>(`/catalogues/${catalogue!.id}/import`, new File([file], file.name, { type: XLSX }));
      message.success(`已导入 ${c.items.length} 项`);
      await load(c.id);
    } catch (e) {
      const details = (e as { details?: Array<{ row: number; column: string | null; message: string }> }).details;
      if (details) setImportErrors(details);
      message.error(e instanceof ApiError ? e.message : '导入失败');
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="目录版本" style={{ width: 220 }} value={catalogue?.id} placeholder="尚无目录"
          options={versions.map((v) => ({ value: v.id, label: `第 ${v.version} 版（${CATALOGUE_STATUS_LABELS[v.status]}，${v.itemCount} 项）` }))}
          onChange={(id: number) => void load(id)} />
        {canEdit && !versions.some((v) => v.status === 'draft') && <Button onClick={() => act(() => api<CatalogueDto>('POST', `/units/${unitId}/catalogues/draft`), '已建立编制中的新版本')}>编制新版本</Button>}
        {catalogue && isDraft && canEdit && <Button onClick={() => openItem('new')}>新增事项</Button>}
        {catalogue && isDraft && canEdit && (
          <label className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', cursor: 'pointer' }}>
            导入表格
            <input type="file" accept=".xlsx" aria-label="导入目录表格" style={{ display: 'none' }} onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
          </label>
        )}
        {catalogue && <a href={`/api/v1/catalogues/${catalogue.id}/export.xlsx`}>导出表格</a>}
        {catalogue && isDraft && me.permissions.includes('catalogue.publish') && (
          <Popconfirm title="发布后该版本成为现行目录，原版本转为历史版本。" onConfirm={() => act(() => api<CatalogueDto>('POST', `/catalogues/${catalogue.id}/publish`), '已发布')} okText="发布" cancelText="取消">
            <Button type="primary">发布</Button>
          </Popconfirm>
        )}
      </Space>
      {importErrors.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`表格有 ${importErrors.length} 处问题，未导入`}
          description={<ul style={{ margin: 0 }}>{importErrors.slice(0, 30).map((e, i) => <li key={i}>第 {e.row} 行{e.column ? `“${e.column}”` : ''}：{e.message}</li>)}</ul>} />
      )}
      <Table<CatalogueItemDto>
        rowKey="id"
        dataSource={catalogue?.items ?? []}
        scroll={{ x: 1200 }}
        pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60, sorter: (a, b) => a.seq - b.seq },
          { title: '领域', dataIndex: 'domainName', filters: domains.map((d) => ({ text: d.name, value: d.name })), onFilter: (v, r) => r.domainName === v },
          { title: '一级事项', dataIndex: 'level1', sorter: (a, b) => a.level1.localeCompare(b.level1, 'zh') },
          { title: '二级事项', dataIndex: 'level2' },
          { title: '公开时限', dataIndex: 'timeLimit', render: (t: string, r) => <>{t}<br /><Typography.Text type="secondary">（{r.ruleText}）</Typography.Text></> },
          { title: '公开主体', dataIndex: 'subject' },
          { title: '对象', dataIndex: 'audience', render: (a: CatalogueItemDto['audience']) => AUDIENCE_LABELS[a] },
          { title: '方式', dataIndex: 'method', render: (m: CatalogueItemDto['method']) => METHOD_LABELS[m] },
          ...(isDraft && canEdit ? [{
            title: '操作', key: 'ops', render: (_: unknown, r: CatalogueItemDto) => (
              <Space>
                <Button size="small" onClick={() => openItem(r)}>编辑</Button>
                <Popconfirm title="删除该事项？" onConfirm={() => act(() => api<CatalogueDto>('DELETE', `/catalogue-items/${r.id}`), '已删除')} okText="删除" cancelText="取消"><Button size="small" danger>删除</Button></Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新增目录事项' : '修改目录事项'} onOk={saveItem} onCancel={() => setEditing(null)} okText="保存" cancelText="取消" width={720} destroyOnHidden>
        <Form name="catalogueItem" form={form} layout="vertical">
          <Form.Item label="所属领域" name="domainId"><Select allowClear showSearch optionFilterProp="label" options={domains.map((d) => ({ value: d.id, label: d.name }))} /></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item label="一级事项" name="level1" rules={[{ required: true, message: '必填' }]}><Input /></Form.Item></Col>
            <Col span={12}><Form.Item label="二级事项" name="level2" rules={[{ required: true, message: '必填' }]}><Input /></Form.Item></Col>
          </Row>
          <Form.Item label="公开内容（要素）" name="content" rules={[{ required: true, message: '必填' }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item label="公开依据" name="basis" rules={[{ required: true, message: '必填' }]}><Input.TextArea rows={2} /></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item label="公开时限" name="timeLimit" rules={[{ required: true, message: '必填' }]} extra="如“自信息形成或者变更之日起20个工作日内”，系统据此监测"><Input /></Form.Item></Col>
            <Col span={12}><Form.Item label="公开主体" name="subject" rules={[{ required: true, message: '必填' }]}><Input /></Form.Item></Col>
          </Row>
          <Form.Item label="公开渠道和载体" name="channels" rules={[{ required: true, message: '至少选择一项' }]}><Select mode="tags" options={CHANNELS.map((c) => ({ value: c, label: c }))} /></Form.Item>
          <Row gutter={12}>
            <Col span={8}><Form.Item label="公开对象" name="audience"><Radio.Group options={options(AUDIENCE_LABELS)} /></Form.Item></Col>
            <Col span={8}><Form.Item label="公开方式" name="method"><Select options={options(METHOD_LABELS)} /></Form.Item></Col>
            <Col span={8}><Form.Item label="公开层级" name="levels" rules={[{ required: true, message: '至少选择一项' }]}><Select mode="multiple" options={options(LEVEL_LABELS)} /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}

function WatchTab({ unitId }: { unitId: number }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<WatchRowDto[]>([]);
  useEffect(() => {
    void api<{ items: WatchRowDto[] }>('GET', `/units/${unitId}/catalogue-watch`).then((r) => setRows(r.items)).catch((e) => message.error(e instanceof ApiError ? e.message : '加载失败'));
  }, [unitId, message]);
  const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {});
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {(Object.keys(WATCH_LABELS) as WatchState[]).map((s) => <Tag key={s} style={{ ...WATCH_STYLE[s], borderColor: 'transparent' }}>{WATCH_LABELS[s]} {counts[s] ?? 0}</Tag>)}
        <a href={`/api/v1/units/${unitId}/catalogue-watch.csv`}>导出 CSV</a>
        <Typography.Text type="secondary">工作日按国务院办公厅公布的节假日安排（含调休）计算。</Typography.Text>
      </Space>
      <Table<WatchRowDto>
        rowKey="itemId"
        dataSource={rows}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '事项', render: (_, r) => `${r.level1} / ${r.level2}` },
          { title: '公开时限', dataIndex: 'ruleText' },
          { title: '状态', dataIndex: 'state', filters: options(WATCH_LABELS).map((o) => ({ text: o.label, value: o.value })), onFilter: (v, r) => r.state === v,
            sorter: (a, b) => a.state.localeCompare(b.state), render: (s: WatchState) => <Tag style={{ ...WATCH_STYLE[s], borderColor: 'transparent' }}>{WATCH_LABELS[s]}</Tag> },
          { title: '相关信息', render: (_, r) => r.document ? <a href={`/admin/documents/${r.document.id}`}>{r.document.title}</a> : '—' },
          { title: '应公开日期', render: (_, r) => r.document?.due ?? '—' },
          { title: '公开日期', render: (_, r) => r.document?.publishedDate ?? '未公开' },
          { title: '逾期天数', render: (_, r) => r.document?.daysLate ?? '' },
        ]}
      />
    </>
  );
}

export default function CataloguesPage({ me }: { me: Me }) {
  const { units } = useUnits();
  const tree = useMemo(() => buildTree(units), [units]);
  const [unitId, setUnitId] = useState(me.user.unitId);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>政务公开事项标准目录</Typography.Title>
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <span>单位</span>
          <TreeSelect aria-label="单位" style={{ width: 320 }} treeData={tree} value={unitId} showSearch treeNodeFilterProp="title" onChange={(v: number) => setUnitId(v)} />
        </Space>
        <Tabs items={[
          { key: 'catalogue', label: '目录', children: <CatalogueTab key={unitId} me={me} unitId={unitId} /> },
          { key: 'watch', label: '时限监测', children: <WatchTab key={unitId} unitId={unitId} /> },
        ]} />
      </Card>
    </>
  );
}
