import { z } from "zod";
import { textField } from "./fields";

export const loginSchema = z.object({
  email: textField().trim().toLowerCase().min(1, { message: "form.required" }).pipe(z.email({ message: "form.invalidEmail" })),
  password: textField().min(1, { message: "form.required" }).max(1024),
  redirectTo: textField().optional(),
});
export type LoginForm = z.infer<typeof loginSchema>;
