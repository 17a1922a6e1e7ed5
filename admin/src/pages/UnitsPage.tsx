import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError, type Me, type Unit } from '../api';
import { buildTree, KIND_LABELS, LEVEL_LABELS, useUnits, type UnitNode } from '../units';

const NEXT_LEVEL: Record<Unit['level'], Unit['level'] | null> = { city: 'county', county: 'township', township: 'village', village: null };

type UnitForm = Omit<Unit, 'id' | 'parentId' | 'updatedAt'>;

function UnitFields() {
  return (
    <>
      <Form.Item label="单位名称" name="name" rules={[{ required: true, min: 2, message: '请输入单位全称（至少 2 个字）' }]}><Input /></Form.Item>
      <Form.Item label="简称" name="shortName"><Input /></Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
            <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="层级" name="level" rules={[{ required: true }]}>
            <Select options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}><Form.Item label="行政区划代码" name="divisionCode"><Input /></Form.Item></Col>
        <Col span={12}><Form.Item label="统一社会信用代码" name="creditCode"><Input /></Form.Item></Col>
      </Row>
      <Form.Item label="排序号" name="sortOrder"><InputNumber min={0} /></Form.Item>
      <Typography.Title level={3} style={{ fontSize: 16 }}>政府信息公开工作机构</Typography.Title>
      <Form.Item label="机构名称" name={['office', 'name']}><Input /></Form.Item>
      <Form.Item label="办公地址" name={['office', 'address']}><Input /></Form.Item>
      <Form.Item label="办公时间" name={['office', 'hours']}><Input /></Form.Item>
      <Row gutter={12}>
        <Col span={12}><Form.Item label="联系电话" name={['office', 'phone']}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item label="传真" name={['office', 'fax']}><Input /></Form.Item></Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}><Form.Item label="电子邮箱" name={['office', 'email']}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item label="邮政编码" name={['office', 'postcode']}><Input /></Form.Item></Col>
      </Row>
    </>
  );
}

function filterTree(nodes: UnitNode[], q: string): UnitNode[] {
  if (!q) return nodes;
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, q);
    return n.title.includes(q) || children.length ? [{ ...n, children }] : [];
  });
}

export default function UnitsPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const { units, reload } = useUnits();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [editForm] = Form.useForm<UnitForm>();
  const [createForm] = Form.useForm<UnitForm>();
  const tree = useMemo(() => filterTree(buildTree(units), q.trim()), [units, q]);
  const selected = units.find((u) => u.id === selectedId) ?? null;

  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败');

  const select = (id: number) => {
    setSelectedId(id);
    const u = units.find((x) => x.id === id);
    if (u) editForm.setFieldsValue(u);
  };

  const save = async (values: UnitForm) => {
    if (!selected) return;
    try {
      await api('PATCH', `/units/${selected.id}`, values);
      message.success('已保存');
      await reload();
    } catch (e) {
      fail(e);
    }
  };

  const openCreate = () => {
    if (!selected) return;
    const childLevel = NEXT_LEVEL[selected.level];
    createForm.resetFields();
    createForm.setFieldsValue({ kind: 'department', level: selected.level, sortOrder: 0, office: {} as Unit['office'], ...(childLevel && { kind: 'government', level: childLevel }) });
    setCreating(true);
  };

  const create = async () => {
    const values = await createForm.validateFields();
    try {
      const created = await api<Unit>('POST', '/units', { ...values, parentId: selected?.id ?? null });
      setCreating(false);
      message.success(`已新增：${created.name}`);
      await reload();
      setSelectedId(created.id);
      editForm.setFieldsValue(created);
    } catch (e) {
      fail(e);
    }
  };

  const remove = async () => {
    if (!selected) return;
    try {
      await api('DELETE', `/units/${selected.id}`);
      message.success('已删除');
      setSelectedId(null);
      await reload();
    } catch (e) {
      fail(e);
    }
  };

  const canEdit = me.permissions.includes('unit.update');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>单位管理</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={9}>
          <Card title="单位树" extra={<a href="/api/v1/units/export.csv">导出</a>}>
            <Input.Search placeholder="按名称筛选" allowClear onChange={(e) => setQ(e.target.value)} aria-label="按名称筛选单位" style={{ marginBottom: 12 }} />
            <Tree
              treeData={tree}
              key={`${q}|${units.length}`}
              defaultExpandedKeys={units.filter((u) => u.parentId === null).map((u) => u.id)}
              defaultExpandAll={!!q.trim()}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => keys[0] !== undefined && select(Number(keys[0]))}
              height={560}
              aria-label="单位树"
            />
          </Card>
        </Col>
        <Col xs={24} md={15}>
          <Card title={selected ? selected.name : '单位信息'}
            extra={selected && (
              <Space>
                {me.permissions.includes('unit.create') && selected.kind === 'government' && <Button onClick={openCreate}>新增下级单位</Button>}
                {me.permissions.includes('unit.delete') && (
                  <Popconfirm title="确定删除该单位？" description="只能删除没有下级单位和用户的单位。" onConfirm={remove} okText="删除" cancelText="取消">
                    <Button danger>删除</Button>
                  </Popconfirm>
                )}
              </Space>
            )}>
            {selected ? (
              <Form name="unitEdit" form={editForm} layout="vertical" onFinish={save} disabled={!canEdit}>
                <UnitFields />
                {canEdit && <Button type="primary" htmlType="submit">保存</Button>}
              </Form>
            ) : (
              <Empty description="在左侧选择一个单位" />
            )}
          </Card>
        </Col>
      </Row>
      <Modal open={creating} title={`在“${selected?.name ?? ''}”下新增单位`} onOk={create} onCancel={() => setCreating(false)} okText="新增" cancelText="取消" destroyOnHidden>
        <Form name="unitCreate" form={createForm} layout="vertical">
          <UnitFields />
        </Form>
      </Modal>
    </>
  );
}
