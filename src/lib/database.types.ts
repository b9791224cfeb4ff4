export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: { PostgrestVersion: "12" }
  public: {
    Tables: {
      audit_log: {
        Row: {
          action: string
          actor_id: string | null
          after: Json | null
          at: string
          before: Json | null
          entity: string
          entity_id: string | null
          id: number
          organisation_id: string | null
        }
        Insert: {
          action: string
          actor_id?: string | null
          after?: Json | null
          at?: string
          before?: Json | null
          entity: string
          entity_id?: string | null
          id?: never
          organisation_id?: string | null
        }
        Update: {
          action?: string
          actor_id?: string | null
          after?: Json | null
          at?: string
          before?: Json | null
          entity?: string
          entity_id?: string | null
          id?: never
          organisation_id?: string | null
        }
        Relationships: []
      }
      calendar_feeds: {
        Row: {
          created_at: string
          id: string
          revoked_at: string | null
          token_hash: string
          user_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          revoked_at?: string | null
          token_hash: string
          user_id?: string
        }
        Update: {
          created_at?: string
          id?: string
          revoked_at?: string | null
          token_hash?: string
          user_id?: string
        }
        Relationships: []
      }
      call_submissions: {
        Row: {
          answers: Json
          call_id: string
          client_version: number
          created_at: string
          critical_failed: boolean
          evidence: Json
          idempotency_key: string
          kpis: Json
          markers: Json
          notes: string
          organisation_id: string
          overall: number | null
          score: Json
          shopper_id: string | null
          submitted_at: string
          timings: Json
        }
        Insert: {
          answers: Json
          call_id: string
          client_version?: number
          created_at?: string
          critical_failed?: boolean
          evidence?: Json
          idempotency_key: string
          kpis?: Json
          markers?: Json
          notes?: string
          organisation_id: string
          overall?: number | null
          score: Json
          shopper_id?: string | null
          submitted_at?: string
          timings?: Json
        }
        Update: {
          answers?: Json
          call_id?: string
          client_version?: number
          created_at?: string
          critical_failed?: boolean
          evidence?: Json
          idempotency_key?: string
          kpis?: Json
          markers?: Json
          notes?: string
          organisation_id?: string
          overall?: number | null
          score?: Json
          shopper_id?: string | null
          submitted_at?: string
          timings?: Json
        }
        Relationships: [
          {
            foreignKeyName: "call_submissions_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: true
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "call_submissions_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      client_vendors: {
        Row: {
          client_id: string
          created_at: string
          vendor_id: string
        }
        Insert: {
          client_id: string
          created_at?: string
          vendor_id: string
        }
        Update: {
          client_id?: string
          created_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "client_vendors_client_id_fkey"
            columns: ["client_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "client_vendors_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      email_outbox: {
        Row: {
          body: string
          created_at: string
          id: number
          kind: string
          recipient: string
          sent_at: string | null
          subject: string
        }
        Insert: {
          body: string
          created_at?: string
          id?: never
          kind: string
          recipient: string
          sent_at?: string | null
          subject: string
        }
        Update: {
          body?: string
          created_at?: string
          id?: never
          kind?: string
          recipient?: string
          sent_at?: string | null
          subject?: string
        }
        Relationships: []
      }
      lines: {
        Row: {
          client_id: string
          created_at: string
          id: string
          label: string
          languages: string[]
          phone_number: string
          queue: string | null
          site_id: string
        }
        Insert: {
          client_id: string
          created_at?: string
          id?: string
          label: string
          languages?: string[]
          phone_number: string
          queue?: string | null
          site_id: string
        }
        Update: {
          client_id?: string
          created_at?: string
          id?: string
          label?: string
          languages?: string[]
          phone_number?: string
          queue?: string | null
          site_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "lines_client_id_fkey"
            columns: ["client_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "lines_site_id_fkey"
            columns: ["site_id"]
            isOneToOne: false
            referencedRelation: "sites"
            referencedColumns: ["id"]
          },
        ]
      }
      memberships: {
        Row: {
          created_at: string
          id: string
          organisation_id: string
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          organisation_id: string
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }
        Update: {
          created_at?: string
          id?: string
          organisation_id?: string
          role?: Database["public"]["Enums"]["app_role"]
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "memberships_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      notifications: {
        Row: {
          call_id: string | null
          created_at: string
          id: string
          kind: string
          payload: Json
          read_at: string | null
          user_id: string
        }
        Insert: {
          call_id?: string | null
          created_at?: string
          id?: string
          kind: string
          payload?: Json
          read_at?: string | null
          user_id: string
        }
        Update: {
          call_id?: string | null
          created_at?: string
          id?: string
          kind?: string
          payload?: Json
          read_at?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "notifications_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
        ]
      }
      organisations: {
        Row: {
          audit_organisation_id: string | null
          created_at: string
          id: string
          kind: Database["public"]["Enums"]["organisation_kind"]
          name: string
          name_zh: string | null
        }
        Insert: {
          audit_organisation_id?: string | null
          created_at?: string
          id?: string
          kind: Database["public"]["Enums"]["organisation_kind"]
          name: string
          name_zh?: string | null
        }
        Update: {
          audit_organisation_id?: string | null
          created_at?: string
          id?: string
          kind?: Database["public"]["Enums"]["organisation_kind"]
          name?: string
          name_zh?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "organisations_audit_organisation_id_fkey"
            columns: ["audit_organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          availability: Json
          created_at: string
          display_name: string | null
          email: string | null
          home_time_zone: string | null
          id: string
          languages: string[]
          locale: string
          phone: string | null
          pseudonym: string
          updated_at: string
        }
        Insert: {
          availability?: Json
          created_at?: string
          display_name?: string | null
          email?: string | null
          home_time_zone?: string | null
          id: string
          languages?: string[]
          locale?: string
          phone?: string | null
          pseudonym?: string
          updated_at?: string
        }
        Update: {
          availability?: Json
          created_at?: string
          display_name?: string | null
          email?: string | null
          home_time_zone?: string | null
          id?: string
          languages?: string[]
          locale?: string
          phone?: string | null
          pseudonym?: string
          updated_at?: string
        }
        Relationships: []
      }
      programmes: {
        Row: {
          client_id: string
          created_at: string
          created_by: string | null
          definition: Json
          id: string
          name: string
          organisation_id: string
          recording_policy: string | null
          status: Database["public"]["Enums"]["programme_status"]
          updated_at: string
        }
        Insert: {
          client_id: string
          created_at?: string
          created_by?: string | null
          definition?: Json
          id?: string
          name: string
          organisation_id: string
          recording_policy?: string | null
          status?: Database["public"]["Enums"]["programme_status"]
          updated_at?: string
        }
        Update: {
          client_id?: string
          created_at?: string
          created_by?: string | null
          definition?: Json
          id?: string
          name?: string
          organisation_id?: string
          recording_policy?: string | null
          status?: Database["public"]["Enums"]["programme_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "programmes_client_id_fkey"
            columns: ["client_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "programmes_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      scenario_versions: {
        Row: {
          content: Json
          created_at: string
          created_by: string | null
          id: string
          published_at: string | null
          published_by: string | null
          retired_at: string | null
          scenario_id: string
          status: Database["public"]["Enums"]["scenario_version_status"]
          updated_at: string
          version: number
        }
        Insert: {
          content: Json
          created_at?: string
          created_by?: string | null
          id?: string
          published_at?: string | null
          published_by?: string | null
          retired_at?: string | null
          scenario_id: string
          status?: Database["public"]["Enums"]["scenario_version_status"]
          updated_at?: string
          version: number
        }
        Update: {
          content?: Json
          created_at?: string
          created_by?: string | null
          id?: string
          published_at?: string | null
          published_by?: string | null
          retired_at?: string | null
          scenario_id?: string
          status?: Database["public"]["Enums"]["scenario_version_status"]
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "scenario_versions_scenario_id_fkey"
            columns: ["scenario_id"]
            isOneToOne: false
            referencedRelation: "scenarios"
            referencedColumns: ["id"]
          },
        ]
      }
      scenarios: {
        Row: {
          code: string
          created_at: string
          created_by: string | null
          id: string
          kind: Database["public"]["Enums"]["scenario_kind"]
          organisation_id: string
          title: string
          title_zh: string | null
          updated_at: string
        }
        Insert: {
          code: string
          created_at?: string
          created_by?: string | null
          id?: string
          kind: Database["public"]["Enums"]["scenario_kind"]
          organisation_id: string
          title: string
          title_zh?: string | null
          updated_at?: string
        }
        Update: {
          code?: string
          created_at?: string
          created_by?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["scenario_kind"]
          organisation_id?: string
          title?: string
          title_zh?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "scenarios_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      shopper_conflicts: {
        Row: {
          created_at: string
          reason: string | null
          shopper_id: string
          vendor_id: string
        }
        Insert: {
          created_at?: string
          reason?: string | null
          shopper_id: string
          vendor_id: string
        }
        Update: {
          created_at?: string
          reason?: string | null
          shopper_id?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "shopper_conflicts_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      sites: {
        Row: {
          address: string | null
          city: string
          country: string
          created_at: string
          id: string
          languages: string[]
          name: string
          name_zh: string | null
          recording_policy: string
          time_zone: string
          vendor_id: string
        }
        Insert: {
          address?: string | null
          city: string
          country: string
          created_at?: string
          id?: string
          languages?: string[]
          name: string
          name_zh?: string | null
          recording_policy?: string
          time_zone: string
          vendor_id: string
        }
        Update: {
          address?: string | null
          city?: string
          country?: string
          created_at?: string
          id?: string
          languages?: string[]
          name?: string
          name_zh?: string | null
          recording_policy?: string
          time_zone?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "sites_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      test_calls: {
        Row: {
          assignment_reason: Json | null
          cancel_reason: string | null
          claimable: boolean
          created_at: string
          id: string
          line_id: string | null
          organisation_id: string
          programme_id: string | null
          reminded_at: string | null
          scenario_version_id: string
          scheduled_at: string | null
          shopper_id: string | null
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          submitted_at: string | null
          updated_at: string
          window_end: string
          window_start: string
        }
        Insert: {
          assignment_reason?: Json | null
          cancel_reason?: string | null
          claimable?: boolean
          created_at?: string
          id?: string
          line_id?: string | null
          organisation_id: string
          programme_id?: string | null
          reminded_at?: string | null
          scenario_version_id: string
          scheduled_at?: string | null
          shopper_id?: string | null
          site_id: string
          status?: Database["public"]["Enums"]["call_status"]
          submitted_at?: string | null
          updated_at?: string
          window_end: string
          window_start: string
        }
        Update: {
          assignment_reason?: Json | null
          cancel_reason?: string | null
          claimable?: boolean
          created_at?: string
          id?: string
          line_id?: string | null
          organisation_id?: string
          programme_id?: string | null
          reminded_at?: string | null
          scenario_version_id?: string
          scheduled_at?: string | null
          shopper_id?: string | null
          site_id?: string
          status?: Database["public"]["Enums"]["call_status"]
          submitted_at?: string | null
          updated_at?: string
          window_end?: string
          window_start?: string
        }
        Relationships: [
          {
            foreignKeyName: "test_calls_line_id_fkey"
            columns: ["line_id"]
            isOneToOne: false
            referencedRelation: "lines"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "test_calls_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "test_calls_programme_id_fkey"
            columns: ["programme_id"]
            isOneToOne: false
            referencedRelation: "programmes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "test_calls_scenario_version_id_fkey"
            columns: ["scenario_version_id"]
            isOneToOne: false
            referencedRelation: "scenario_versions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "test_calls_site_id_fkey"
            columns: ["site_id"]
            isOneToOne: false
            referencedRelation: "sites"
            referencedColumns: ["id"]
          },
        ]
      }
      unfillable_calls: {
        Row: {
          created_at: string
          id: string
          line_id: string | null
          programme_id: string
          reasons: Json
          scenario_version_id: string | null
          site_id: string
          window_end: string | null
          window_start: string | null
        }
        Insert: {
          created_at?: string
          id?: string
          line_id?: string | null
          programme_id: string
          reasons?: Json
          scenario_version_id?: string | null
          site_id: string
          window_end?: string | null
          window_start?: string | null
        }
        Update: {
          created_at?: string
          id?: string
          line_id?: string | null
          programme_id?: string
          reasons?: Json
          scenario_version_id?: string | null
          site_id?: string
          window_end?: string | null
          window_start?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "unfillable_calls_line_id_fkey"
            columns: ["line_id"]
            isOneToOne: false
            referencedRelation: "lines"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "unfillable_calls_programme_id_fkey"
            columns: ["programme_id"]
            isOneToOne: false
            referencedRelation: "programmes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "unfillable_calls_scenario_version_id_fkey"
            columns: ["scenario_version_id"]
            isOneToOne: false
            referencedRelation: "scenario_versions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "unfillable_calls_site_id_fkey"
            columns: ["site_id"]
            isOneToOne: false
            referencedRelation: "sites"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      call_recording_policy: {
        Args: {
          p_call_id: string
        }
        Returns: string
      }
      cancel_call: {
        Args: {
          p_call_id: string
          p_reason: string
        }
        Returns: {
          assignment_reason: Json | null
          cancel_reason: string | null
          claimable: boolean
          created_at: string
          id: string
          line_id: string | null
          organisation_id: string
          programme_id: string | null
          reminded_at: string | null
          scenario_version_id: string
          scheduled_at: string | null
          shopper_id: string | null
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          submitted_at: string | null
          updated_at: string
          window_end: string
          window_start: string
        }
      }
      claim_open_call: {
        Args: {
          p_call_id: string
        }
        Returns: {
          assignment_reason: Json | null
          cancel_reason: string | null
          claimable: boolean
          created_at: string
          id: string
          line_id: string | null
          organisation_id: string
          programme_id: string | null
          reminded_at: string | null
          scenario_version_id: string
          scheduled_at: string | null
          shopper_id: string | null
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          submitted_at: string | null
          updated_at: string
          window_end: string
          window_start: string
        }
      }
      create_scenario_draft: {
        Args: {
          p_scenario_id: string
        }
        Returns: {
          content: Json
          created_at: string
          created_by: string | null
          id: string
          published_at: string | null
          published_by: string | null
          retired_at: string | null
          scenario_id: string
          status: Database["public"]["Enums"]["scenario_version_status"]
          updated_at: string
          version: number
        }
      }
      my_memberships: {
        Args: never
        Returns: {
          organisation_id: string
          organisation_kind: Database["public"]["Enums"]["organisation_kind"]
          organisation_name: string
          organisation_name_zh: string
          audit_organisation_id: string
          role: Database["public"]["Enums"]["app_role"]
        }[]
      }
      publish_scenario_version: {
        Args: {
          p_version_id: string
        }
        Returns: {
          content: Json
          created_at: string
          created_by: string | null
          id: string
          published_at: string | null
          published_by: string | null
          retired_at: string | null
          scenario_id: string
          status: Database["public"]["Enums"]["scenario_version_status"]
          updated_at: string
          version: number
        }
      }
      reschedule_call: {
        Args: {
          p_call_id: string
          p_window_start: string
          p_window_end: string
          p_scheduled_at: string
        }
        Returns: {
          assignment_reason: Json | null
          cancel_reason: string | null
          claimable: boolean
          created_at: string
          id: string
          line_id: string | null
          organisation_id: string
          programme_id: string | null
          reminded_at: string | null
          scenario_version_id: string
          scheduled_at: string | null
          shopper_id: string | null
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          submitted_at: string | null
          updated_at: string
          window_end: string
          window_start: string
        }
      }
      retire_scenario_version: {
        Args: {
          p_version_id: string
        }
        Returns: {
          content: Json
          created_at: string
          created_by: string | null
          id: string
          published_at: string | null
          published_by: string | null
          retired_at: string | null
          scenario_id: string
          status: Database["public"]["Enums"]["scenario_version_status"]
          updated_at: string
          version: number
        }
      }
      run_scheduled_jobs: { Args: never; Returns: Json }
      start_call: {
        Args: {
          p_call_id: string
        }
        Returns: {
          assignment_reason: Json | null
          cancel_reason: string | null
          claimable: boolean
          created_at: string
          id: string
          line_id: string | null
          organisation_id: string
          programme_id: string | null
          reminded_at: string | null
          scenario_version_id: string
          scheduled_at: string | null
          shopper_id: string | null
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          submitted_at: string | null
          updated_at: string
          window_end: string
          window_start: string
        }
      }
      submit_call: {
        Args: {
          p_shopper_id: string
          p_payload: Json
          p_score: Json
          p_overall: number
          p_critical_failed: boolean
          p_kpis: Json
        }
        Returns: {
          answers: Json
          call_id: string
          client_version: number
          created_at: string
          critical_failed: boolean
          evidence: Json
          idempotency_key: string
          kpis: Json
          markers: Json
          notes: string
          organisation_id: string
          overall: number | null
          score: Json
          shopper_id: string | null
          submitted_at: string
          timings: Json
        }
      }
      write_audit_log: {
        Args: {
          organisation_id: string
          action: string
          entity: string
          entity_id?: string
          before?: Json
          after?: Json
        }
        Returns: number
      }
    }
    Enums: {
      app_role:
        | "admin"
        | "compliance_officer"
        | "shopper"
        | "vendor_manager"
        | "client_viewer"
      call_status:
        | "scheduled"
        | "in_progress"
        | "submitted"
        | "reviewed"
        | "closed"
        | "cancelled"
        | "missed"
      organisation_kind: "audit" | "client" | "vendor"
      programme_status: "draft" | "active" | "closed"
      scenario_kind: "mystery_call" | "vendor_audit"
      scenario_version_status: "draft" | "published" | "retired"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    keyof DefaultSchema["Enums"] | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      app_role: [
        "admin",
        "compliance_officer",
        "shopper",
        "vendor_manager",
        "client_viewer",
      ],
      call_status: [
        "scheduled",
        "in_progress",
        "submitted",
        "reviewed",
        "closed",
        "cancelled",
        "missed",
      ],
      organisation_kind: ["audit", "client", "vendor"],
      programme_status: ["draft", "active", "closed"],
      scenario_kind: ["mystery_call", "vendor_audit"],
      scenario_version_status: ["draft", "published", "retired"],
    },
  },
} as const
