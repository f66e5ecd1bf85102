import { NotFoundResult } from '../components/Status';

export default function NotFound() {
  return <NotFoundResult />;
}
