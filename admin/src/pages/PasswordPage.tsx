import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { api, ApiError, type Me } from '../api';

export default function PasswordPage({ me, onChanged }: { me: Me; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    try {
      await api('POST', '/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      message.success('密码已修改');
      onChanged();
    } catch (e) {
      form.setFields([{ name: e instanceof ApiError && e.code === 'wrong_current_password' ? 'currentPassword' : 'newPassword', errors: [e instanceof Error ? e.message : '修改失败'] }]);
    }
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>修改密码</Typography.Title>
      {me.user.mustChangePassword && <Alert type="warning" showIcon message="首次登录或密码已被管理员重置，请先设置新密码。" style={{ marginBottom: 16, maxWidth: 480 }} />}
      <Card style={{ maxWidth: 480 }}>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label="新密码" name="newPassword" extra="至少 10 位，含大写字母、小写字母、数字、特殊字符中的至少三类" rules={[{ required: true, message: '请输入新密码' }, { min: 10, message: '至少 10 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']}
            rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">保存</Button>
        </Form>
      </Card>
    </>
  );
}
