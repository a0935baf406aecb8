import { z } from "zod";

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { message: "form.required" }).pipe(z.email({ message: "form.invalidEmail" })),
  password: z.string().min(1, { message: "form.required" }).max(1024),
  redirectTo: z.string().optional(),
});
export type LoginForm = z.infer<typeof loginSchema>;
