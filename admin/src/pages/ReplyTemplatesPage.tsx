import { App, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api';
import { useUnits } from '../units';

interface Item { key: string; label: string; group: string; defaultText: string; text: string; source: 'default' | 'own' | 'inherited'; sourceName: string }
interface Templates { unitId: number; unitName: string; items: Item[] }

const SOURCE: Record<Item['source'], { color: string; label: (i: Item) => string }> = {
  own: { color: 'blue', label: () => '本级设置' },
  inherited: { color: 'gold', label: (i) => `沿用${i.sourceName}` },
  default: { color: 'default', label: () => '系统默认' },
};

/** Read by screen readers, not shown: the row the button acts on. */
const HIDDEN: React.CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/** 答复文书模板: a government's own wording of the decisions, articles and remedies printed on replies. */
export default function ReplyTemplatesPage() {
  const { message } = App.useApp();
  const { units } = useUnits();
  const governments = useMemo(() => units.filter((u) => u.kind === 'government'), [units]);
  const [unitId, setUnitId] = useState<number>();
  const [data, setData] = useState<Templates>();
  const [group, setGroup] = useState<string>();
  const [editing, setEditing] = useState<Item>();
  const [text, setText] = useState('');

  useEffect(() => {
    if (unitId === undefined && governments.length) setUnitId(governments[0]!.id);
  }, [governments, unitId]);
  const load = useCallback(async (id: number) => setData(await api<Templates>('GET', `/reply-templates/${id}`)), []);
  useEffect(() => {
    if (unitId !== undefined) void load(unitId).catch((e) => message.error(e instanceof ApiError ? e.message : '加载失败'));
  }, [unitId, load, message]);

  const save = async (value: string | null) => {
    if (!editing || unitId === undefined) return;
    try {
      setData(await api<Templates>('PUT', `/reply-templates/${unitId}`, { key: editing.key, text: value }));
      message.success(value === null ? '已恢复默认文字' : '模板已保存');
      setEditing(undefined);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };

  const groups = [...new Set(data?.items.map((i) => i.group) ?? [])];
  const rows = data?.items.filter((i) => !group || i.group === group) ?? [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>答复文书模板</Typography.Title>
      <Typography.Paragraph type="secondary">
        答复书、告知书中的决定、依据条款和救济途径文字按人民政府设置，本级政府的部门和下级政府未另行设置时沿用。修改后新生成的答复书立即使用新文字。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="tpl-gov">政府</label>
          <Select id="tpl-gov" style={{ width: 240 }} value={unitId} onChange={setUnitId} options={governments.map((g) => ({ value: g.id, label: g.name }))} showSearch optionFilterProp="label" />
          <label htmlFor="tpl-group">类别</label>
          <Select id="tpl-group" style={{ width: 160 }} allowClear placeholder="全部" value={group} onChange={setGroup} options={groups.map((g) => ({ value: g, label: g }))} />
        </Space>
        <Table<Item> rowKey="key" dataSource={rows} pagination={{ pageSize: 20 }} size="middle"
          columns={[
            { title: '项目', dataIndex: 'label', width: 260, sorter: (a, b) => a.label.localeCompare(b.label, 'zh') },
            { title: '现行文字', dataIndex: 'text' },
            { title: '来源', dataIndex: 'source', width: 150, render: (_: unknown, i) => <Tag color={SOURCE[i.source].color}>{SOURCE[i.source].label(i)}</Tag> },
            { title: '操作', key: 'op', width: 90, render: (_: unknown, i) => <Button size="small" onClick={() => { setEditing(i); setText(i.text); }} title={i.label}>修改<span style={HIDDEN}>{i.label}</span></Button> },
          ]} />
      </Card>
      <Modal open={!!editing} title={editing?.label} onCancel={() => setEditing(undefined)} destroyOnHidden
        footer={[
          <Button key="reset" disabled={editing?.source !== 'own'} onClick={() => void save(null)}>恢复默认</Button>,
          <Button key="cancel" onClick={() => setEditing(undefined)}>取消</Button>,
          <Button key="save" type="primary" onClick={() => void save(text)}>保存</Button>,
        ]}>
        <Input.TextArea aria-label="模板文字" rows={5} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} showCount />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>系统默认：{editing?.defaultText}</Typography.Paragraph>
      </Modal>
    </>
  );
}
