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
      alert_thresholds: {
        Row: {
          active: boolean
          client_id: string
          created_at: string
          id: string
          min_overall: number | null
          on_critical_fail: boolean
          organisation_id: string
        }
        Insert: {
          active?: boolean
          client_id: string
          created_at?: string
          id?: string
          min_overall?: number | null
          on_critical_fail?: boolean
          organisation_id: string
        }
        Update: {
          active?: boolean
          client_id?: string
          created_at?: string
          id?: string
          min_overall?: number | null
          on_critical_fail?: boolean
          organisation_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "alert_thresholds_client_id_fkey"
            columns: ["client_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "alert_thresholds_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      answer_overrides: {
        Row: {
          actor_id: string | null
          after: Json | null
          before: Json | null
          call_id: string
          created_at: string
          dispute_id: string | null
          id: number
          item_id: string
          organisation_id: string
          overall_after: number | null
          overall_before: number | null
          reason: string
          source: string
        }
        Insert: {
          actor_id?: string | null
          after?: Json | null
          before?: Json | null
          call_id: string
          created_at?: string
          dispute_id?: string | null
          id?: never
          item_id: string
          organisation_id: string
          overall_after?: number | null
          overall_before?: number | null
          reason: string
          source?: string
        }
        Update: {
          actor_id?: string | null
          after?: Json | null
          before?: Json | null
          call_id?: string
          created_at?: string
          dispute_id?: string | null
          id?: never
          item_id?: string
          organisation_id?: string
          overall_after?: number | null
          overall_before?: number | null
          reason?: string
          source?: string
        }
        Relationships: [
          {
            foreignKeyName: "answer_overrides_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "answer_overrides_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
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
      calibration_answers: {
        Row: {
          answers: Json
          organisation_id: string
          session_id: string
          submitted_at: string
          user_id: string
        }
        Insert: {
          answers: Json
          organisation_id: string
          session_id: string
          submitted_at?: string
          user_id: string
        }
        Update: {
          answers?: Json
          organisation_id?: string
          session_id?: string
          submitted_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "calibration_answers_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "calibration_answers_session_id_user_id_fkey"
            columns: ["session_id", "user_id"]
            isOneToOne: true
            referencedRelation: "calibration_participants"
            referencedColumns: ["session_id", "user_id"]
          },
        ]
      }
      calibration_participants: {
        Row: {
          is_benchmark: boolean
          organisation_id: string
          reminded_at: string | null
          scored_at: string | null
          session_id: string
          user_id: string
        }
        Insert: {
          is_benchmark?: boolean
          organisation_id: string
          reminded_at?: string | null
          scored_at?: string | null
          session_id: string
          user_id: string
        }
        Update: {
          is_benchmark?: boolean
          organisation_id?: string
          reminded_at?: string | null
          scored_at?: string | null
          session_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "calibration_participants_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "calibration_participants_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "calibration_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      calibration_sessions: {
        Row: {
          call_id: string
          created_at: string
          created_by: string | null
          due_at: string | null
          id: string
          organisation_id: string
          revealed_at: string | null
          status: Database["public"]["Enums"]["calibration_status"]
          title: string
        }
        Insert: {
          call_id: string
          created_at?: string
          created_by?: string | null
          due_at?: string | null
          id?: string
          organisation_id: string
          revealed_at?: string | null
          status?: Database["public"]["Enums"]["calibration_status"]
          title?: string
        }
        Update: {
          call_id?: string
          created_at?: string
          created_by?: string | null
          due_at?: string | null
          id?: string
          organisation_id?: string
          revealed_at?: string | null
          status?: Database["public"]["Enums"]["calibration_status"]
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: "calibration_sessions_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "calibration_sessions_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      call_item_results: {
        Row: {
          audit_result: string | null
          call_id: string
          category: string | null
          clauses: string[]
          client_id: string | null
          critical: boolean
          earned: number
          item_id: string
          local_date: string
          organisation_id: string
          outcome: Database["public"]["Enums"]["item_outcome"]
          possible: number
          programme_id: string | null
          scenario_id: string
          section_id: string | null
          severity: string | null
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          vendor_id: string
        }
        Insert: {
          audit_result?: string | null
          call_id: string
          category?: string | null
          clauses?: string[]
          client_id?: string | null
          critical?: boolean
          earned?: number
          item_id: string
          local_date: string
          organisation_id: string
          outcome: Database["public"]["Enums"]["item_outcome"]
          possible?: number
          programme_id?: string | null
          scenario_id: string
          section_id?: string | null
          severity?: string | null
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          vendor_id: string
        }
        Update: {
          audit_result?: string | null
          call_id?: string
          category?: string | null
          clauses?: string[]
          client_id?: string | null
          critical?: boolean
          earned?: number
          item_id?: string
          local_date?: string
          organisation_id?: string
          outcome?: Database["public"]["Enums"]["item_outcome"]
          possible?: number
          programme_id?: string | null
          scenario_id?: string
          section_id?: string | null
          severity?: string | null
          site_id?: string
          status?: Database["public"]["Enums"]["call_status"]
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "call_item_results_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "call_results"
            referencedColumns: ["call_id"]
          },
        ]
      }
      call_results: {
        Row: {
          call_id: string
          category_codes: string[]
          category_earned: number[]
          category_failed: number[]
          category_na: number[]
          category_passed: number[]
          category_possible: number[]
          clause_codes: string[]
          clause_failed: number[]
          clause_passed: number[]
          client_id: string | null
          critical_failed: boolean
          items_failed: number
          items_na: number
          items_passed: number
          local_date: string
          organisation_id: string
          overall: number | null
          programme_id: string | null
          refreshed_at: string
          reviewed_at: string | null
          scenario_id: string
          scenario_kind: Database["public"]["Enums"]["scenario_kind"]
          scenario_version_id: string
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          submitted_at: string
          vendor_id: string
        }
        Insert: {
          call_id: string
          category_codes?: string[]
          category_earned?: number[]
          category_failed?: number[]
          category_na?: number[]
          category_passed?: number[]
          category_possible?: number[]
          clause_codes?: string[]
          clause_failed?: number[]
          clause_passed?: number[]
          client_id?: string | null
          critical_failed?: boolean
          items_failed?: number
          items_na?: number
          items_passed?: number
          local_date: string
          organisation_id: string
          overall?: number | null
          programme_id?: string | null
          refreshed_at?: string
          reviewed_at?: string | null
          scenario_id: string
          scenario_kind: Database["public"]["Enums"]["scenario_kind"]
          scenario_version_id: string
          site_id: string
          status: Database["public"]["Enums"]["call_status"]
          submitted_at: string
          vendor_id: string
        }
        Update: {
          call_id?: string
          category_codes?: string[]
          category_earned?: number[]
          category_failed?: number[]
          category_na?: number[]
          category_passed?: number[]
          category_possible?: number[]
          clause_codes?: string[]
          clause_failed?: number[]
          clause_passed?: number[]
          client_id?: string | null
          critical_failed?: boolean
          items_failed?: number
          items_na?: number
          items_passed?: number
          local_date?: string
          organisation_id?: string
          overall?: number | null
          programme_id?: string | null
          refreshed_at?: string
          reviewed_at?: string | null
          scenario_id?: string
          scenario_kind?: Database["public"]["Enums"]["scenario_kind"]
          scenario_version_id?: string
          site_id?: string
          status?: Database["public"]["Enums"]["call_status"]
          submitted_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "call_results_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: true
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
        ]
      }
      call_returns: {
        Row: {
          call_id: string
          comment: string
          created_at: string
          id: string
          organisation_id: string
          resubmitted_at: string | null
          returned_by: string | null
          shopper_id: string | null
        }
        Insert: {
          call_id: string
          comment: string
          created_at?: string
          id?: string
          organisation_id: string
          resubmitted_at?: string | null
          returned_by?: string | null
          shopper_id?: string | null
        }
        Update: {
          call_id?: string
          comment?: string
          created_at?: string
          id?: string
          organisation_id?: string
          resubmitted_at?: string | null
          returned_by?: string | null
          shopper_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "call_returns_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "call_returns_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      call_submission_versions: {
        Row: {
          call_id: string
          id: number
          organisation_id: string
          replaced_at: string
          submission: Json
          version: number
        }
        Insert: {
          call_id: string
          id?: never
          organisation_id: string
          replaced_at?: string
          submission: Json
          version: number
        }
        Update: {
          call_id?: string
          id?: never
          organisation_id?: string
          replaced_at?: string
          submission?: Json
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "call_submission_versions_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "call_submission_versions_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      call_submissions: {
        Row: {
          agent: string | null
          agent_pseudonym: string | null
          answers: Json
          call_id: string
          client_version: number
          created_at: string
          critical_failed: boolean
          current_answers: Json | null
          current_critical_failed: boolean | null
          current_overall: number | null
          current_score: Json | null
          evidence: Json
          idempotency_key: string
          kpis: Json
          markers: Json
          notes: string
          organisation_id: string
          overall: number | null
          reviewed_at: string | null
          reviewed_by: string | null
          score: Json
          shopper_id: string | null
          submitted_at: string
          timings: Json
          version: number
        }
        Insert: {
          agent?: string | null
          agent_pseudonym?: string | null
          answers: Json
          call_id: string
          client_version?: number
          created_at?: string
          critical_failed?: boolean
          current_answers?: Json | null
          current_critical_failed?: boolean | null
          current_overall?: number | null
          current_score?: Json | null
          evidence?: Json
          idempotency_key: string
          kpis?: Json
          markers?: Json
          notes?: string
          organisation_id: string
          overall?: number | null
          reviewed_at?: string | null
          reviewed_by?: string | null
          score: Json
          shopper_id?: string | null
          submitted_at?: string
          timings?: Json
          version?: number
        }
        Update: {
          agent?: string | null
          agent_pseudonym?: string | null
          answers?: Json
          call_id?: string
          client_version?: number
          created_at?: string
          critical_failed?: boolean
          current_answers?: Json | null
          current_critical_failed?: boolean | null
          current_overall?: number | null
          current_score?: Json | null
          evidence?: Json
          idempotency_key?: string
          kpis?: Json
          markers?: Json
          notes?: string
          organisation_id?: string
          overall?: number | null
          reviewed_at?: string | null
          reviewed_by?: string | null
          score?: Json
          shopper_id?: string | null
          submitted_at?: string
          timings?: Json
          version?: number
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
      evidence_purges: {
        Row: {
          call_id: string
          id: number
          kind: string
          organisation_id: string
          path: string
          purged_at: string
          sha256: string | null
        }
        Insert: {
          call_id: string
          id?: never
          kind: string
          organisation_id: string
          path: string
          purged_at?: string
          sha256?: string | null
        }
        Update: {
          call_id?: string
          id?: never
          kind?: string
          organisation_id?: string
          path?: string
          purged_at?: string
          sha256?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "evidence_purges_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "evidence_purges_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      finding_disputes: {
        Row: {
          call_id: string
          comment: string
          created_at: string
          created_by: string | null
          decided_at: string | null
          decided_by: string | null
          decision_comment: string | null
          evidence: Json
          finding_id: string
          id: string
          new_value: Json | null
          organisation_id: string
          reason_code: string
          status: Database["public"]["Enums"]["dispute_status"]
          vendor_id: string
        }
        Insert: {
          call_id: string
          comment: string
          created_at?: string
          created_by?: string | null
          decided_at?: string | null
          decided_by?: string | null
          decision_comment?: string | null
          evidence?: Json
          finding_id: string
          id?: string
          new_value?: Json | null
          organisation_id: string
          reason_code: string
          status?: Database["public"]["Enums"]["dispute_status"]
          vendor_id: string
        }
        Update: {
          call_id?: string
          comment?: string
          created_at?: string
          created_by?: string | null
          decided_at?: string | null
          decided_by?: string | null
          decision_comment?: string | null
          evidence?: Json
          finding_id?: string
          id?: string
          new_value?: Json | null
          organisation_id?: string
          reason_code?: string
          status?: Database["public"]["Enums"]["dispute_status"]
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "finding_disputes_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finding_disputes_finding_id_fkey"
            columns: ["finding_id"]
            isOneToOne: false
            referencedRelation: "findings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finding_disputes_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finding_disputes_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      finding_messages: {
        Row: {
          author_id: string | null
          author_role: string
          body: Json
          created_at: string
          dispute_id: string | null
          finding_id: string
          id: number
          kind: string
          organisation_id: string
          vendor_id: string
        }
        Insert: {
          author_id?: string | null
          author_role: string
          body?: Json
          created_at?: string
          dispute_id?: string | null
          finding_id: string
          id?: never
          kind: string
          organisation_id: string
          vendor_id: string
        }
        Update: {
          author_id?: string | null
          author_role?: string
          body?: Json
          created_at?: string
          dispute_id?: string | null
          finding_id?: string
          id?: never
          kind?: string
          organisation_id?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "finding_messages_dispute_id_fkey"
            columns: ["dispute_id"]
            isOneToOne: false
            referencedRelation: "finding_disputes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finding_messages_finding_id_fkey"
            columns: ["finding_id"]
            isOneToOne: false
            referencedRelation: "findings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finding_messages_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finding_messages_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      findings: {
        Row: {
          agent_pseudonyms: string[]
          audit_result: string | null
          call_ids: string[]
          cause: Json
          clauses: string[]
          closed_at: string | null
          condition: Json
          created_at: string
          criteria: Json
          due_at: string
          effect: Json
          first_seen_at: string
          id: string
          item_id: string
          last_seen_at: string
          occurrences: number
          organisation_id: string
          plan: Json | null
          recommendation: Json
          response_due_at: string
          scenario_id: string
          severity: string
          site_id: string
          source: string
          status: Database["public"]["Enums"]["finding_status"]
          updated_at: string
          vendor_id: string
          verification_call_id: string | null
        }
        Insert: {
          agent_pseudonyms?: string[]
          audit_result?: string | null
          call_ids?: string[]
          cause?: Json
          clauses?: string[]
          closed_at?: string | null
          condition?: Json
          created_at?: string
          criteria?: Json
          due_at: string
          effect?: Json
          first_seen_at?: string
          id?: string
          item_id: string
          last_seen_at?: string
          occurrences?: number
          organisation_id: string
          plan?: Json | null
          recommendation?: Json
          response_due_at: string
          scenario_id: string
          severity: string
          site_id: string
          source?: string
          status?: Database["public"]["Enums"]["finding_status"]
          updated_at?: string
          vendor_id: string
          verification_call_id?: string | null
        }
        Update: {
          agent_pseudonyms?: string[]
          audit_result?: string | null
          call_ids?: string[]
          cause?: Json
          clauses?: string[]
          closed_at?: string | null
          condition?: Json
          created_at?: string
          criteria?: Json
          due_at?: string
          effect?: Json
          first_seen_at?: string
          id?: string
          item_id?: string
          last_seen_at?: string
          occurrences?: number
          organisation_id?: string
          plan?: Json | null
          recommendation?: Json
          response_due_at?: string
          scenario_id?: string
          severity?: string
          site_id?: string
          source?: string
          status?: Database["public"]["Enums"]["finding_status"]
          updated_at?: string
          vendor_id?: string
          verification_call_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "findings_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "findings_scenario_id_fkey"
            columns: ["scenario_id"]
            isOneToOne: false
            referencedRelation: "scenarios"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "findings_site_id_fkey"
            columns: ["site_id"]
            isOneToOne: false
            referencedRelation: "sites"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "findings_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "findings_verification_call_id_fkey"
            columns: ["verification_call_id"]
            isOneToOne: false
            referencedRelation: "test_calls"
            referencedColumns: ["id"]
          },
        ]
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
      organisation_secrets: {
        Row: {
          agent_salt: string
          created_at: string
          organisation_id: string
        }
        Insert: {
          agent_salt?: string
          created_at?: string
          organisation_id: string
        }
        Update: {
          agent_salt?: string
          created_at?: string
          organisation_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "organisation_secrets_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: true
            referencedRelation: "organisations"
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
      plan_coverage: {
        Row: {
          cancelled: number
          client_id: string
          completed: number
          missed: number
          month: string
          organisation_id: string
          planned: number
          programme_id: string
          site_id: string
          vendor_id: string
        }
        Insert: {
          cancelled?: number
          client_id: string
          completed?: number
          missed?: number
          month: string
          organisation_id: string
          planned?: number
          programme_id: string
          site_id: string
          vendor_id: string
        }
        Update: {
          cancelled?: number
          client_id?: string
          completed?: number
          missed?: number
          month?: string
          organisation_id?: string
          planned?: number
          programme_id?: string
          site_id?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "plan_coverage_programme_id_fkey"
            columns: ["programme_id"]
            isOneToOne: false
            referencedRelation: "programmes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "plan_coverage_site_id_fkey"
            columns: ["site_id"]
            isOneToOne: false
            referencedRelation: "sites"
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
      reports: {
        Row: {
          bytes: number
          client_id: string | null
          code: string
          id: string
          locale: string
          organisation_id: string
          period_end: string
          period_start: string
          programme_id: string | null
          published_at: string
          published_by: string | null
          scope_kind: Database["public"]["Enums"]["report_scope"]
          scope_name: string
          sha256: string
          site_id: string | null
          status: Database["public"]["Enums"]["report_status"]
          storage_path: string
          summary: Json
          superseded_by: string | null
          vendor_id: string | null
          version: number
        }
        Insert: {
          bytes: number
          client_id?: string | null
          code: string
          id?: string
          locale: string
          organisation_id: string
          period_end: string
          period_start: string
          programme_id?: string | null
          published_at?: string
          published_by?: string | null
          scope_kind: Database["public"]["Enums"]["report_scope"]
          scope_name: string
          sha256: string
          site_id?: string | null
          status?: Database["public"]["Enums"]["report_status"]
          storage_path: string
          summary?: Json
          superseded_by?: string | null
          vendor_id?: string | null
          version: number
        }
        Update: {
          bytes?: number
          client_id?: string | null
          code?: string
          id?: string
          locale?: string
          organisation_id?: string
          period_end?: string
          period_start?: string
          programme_id?: string | null
          published_at?: string
          published_by?: string | null
          scope_kind?: Database["public"]["Enums"]["report_scope"]
          scope_name?: string
          sha256?: string
          site_id?: string | null
          status?: Database["public"]["Enums"]["report_status"]
          storage_path?: string
          summary?: Json
          superseded_by?: string | null
          vendor_id?: string | null
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "reports_client_id_fkey"
            columns: ["client_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_programme_id_fkey"
            columns: ["programme_id"]
            isOneToOne: false
            referencedRelation: "programmes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_site_id_fkey"
            columns: ["site_id"]
            isOneToOne: false
            referencedRelation: "sites"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_superseded_by_fkey"
            columns: ["superseded_by"]
            isOneToOne: false
            referencedRelation: "reports"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      retention_settings: {
        Row: {
          call_sheets_months: number
          organisation_id: string
          recordings_months: number
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          call_sheets_months?: number
          organisation_id: string
          recordings_months?: number
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          call_sheets_months?: number
          organisation_id?: string
          recordings_months?: number
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "retention_settings_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: true
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      review_settings: {
        Row: {
          dispute_days: number
          due_days_c: number
          due_days_major: number
          due_days_minor: number
          organisation_id: string
          updated_at: string
        }
        Insert: {
          dispute_days?: number
          due_days_c?: number
          due_days_major?: number
          due_days_minor?: number
          organisation_id: string
          updated_at?: string
        }
        Update: {
          dispute_days?: number
          due_days_c?: number
          due_days_major?: number
          due_days_minor?: number
          organisation_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "review_settings_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: true
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
      approve_call: {
        Args: {
          p_actor: string
          p_call_id: string
          p_base: Json
          p_score: Json
          p_overall: number
          p_critical: boolean
          p_findings: Json
        }
        Returns: Json
      }
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
      dashboard_categories: {
        Args: {
          p_from: string
          p_to: string
          p_client?: string
          p_vendor?: string
          p_site?: string
          p_scenario?: string
        }
        Returns: {
          category: string
          items: number
          passed: number
          failed: number
          score: number
        }[]
      }
      dashboard_clauses: {
        Args: {
          p_from: string
          p_to: string
          p_client?: string
          p_vendor?: string
          p_site?: string
          p_scenario?: string
        }
        Returns: {
          clause: string
          passed: number
          failed: number
        }[]
      }
      dashboard_coverage: {
        Args: {
          p_from: string
          p_to: string
          p_client?: string
          p_vendor?: string
          p_site?: string
          p_scenario?: string
        }
        Returns: {
          site_id: string
          site: string
          site_zh: string
          vendor_id: string
          planned: number
          completed: number
          missed: number
        }[]
      }
      dashboard_disputes: {
        Args: {
          p_from: string
          p_to: string
          p_client?: string
          p_vendor?: string
          p_site?: string
          p_scenario?: string
        }
        Returns: {
          status: string
          disputes: number
          decision_days: number
        }[]
      }
      dashboard_findings: {
        Args: {
          p_from: string
          p_to: string
          p_client?: string
          p_vendor?: string
          p_site?: string
          p_scenario?: string
        }
        Returns: {
          age_band: string
          critical: number
          major: number
          minor: number
          overdue: number
        }[]
      }
      dashboard_trend: {
        Args: {
          p_from: string
          p_to: string
          p_client?: string
          p_vendor?: string
          p_site?: string
          p_scenario?: string
          p_grain?: string
        }
        Returns: {
          period: string
          calls: number
          average: number
          critical_failures: number
        }[]
      }
      dashboard_vendors: {
        Args: {
          p_from: string
          p_to: string
          p_client?: string
          p_vendor?: string
          p_site?: string
          p_scenario?: string
        }
        Returns: {
          vendor_id: string
          vendor: string
          vendor_zh: string
          calls: number
          average: number
          critical_failures: number
          items_failed: number
        }[]
      }
      dashboard_workload: {
        Args: {
          p_from: string
          p_to: string
          p_client?: string
          p_vendor?: string
          p_site?: string
          p_scenario?: string
          p_grain?: string
        }
        Returns: {
          period: string
          awaiting: number
          reviewed: number
          review_hours: number
        }[]
      }
      decide_dispute: {
        Args: {
          p_actor: string
          p_dispute_id: string
          p_decision: Database["public"]["Enums"]["dispute_status"]
          p_comment: string
          p_new_value?: Json
          p_base?: Json
          p_answers?: Json
          p_score?: Json
          p_overall?: number
          p_critical?: boolean
          p_item_passes?: boolean
        }
        Returns: {
          agent_pseudonyms: string[]
          audit_result: string | null
          call_ids: string[]
          cause: Json
          clauses: string[]
          closed_at: string | null
          condition: Json
          created_at: string
          criteria: Json
          due_at: string
          effect: Json
          first_seen_at: string
          id: string
          item_id: string
          last_seen_at: string
          occurrences: number
          organisation_id: string
          plan: Json | null
          recommendation: Json
          response_due_at: string
          scenario_id: string
          severity: string
          site_id: string
          source: string
          status: Database["public"]["Enums"]["finding_status"]
          updated_at: string
          vendor_id: string
          verification_call_id: string | null
        }
      }
      dispute_finding: {
        Args: {
          p_finding_id: string
          p_call_id: string
          p_reason_code: string
          p_comment: string
          p_evidence?: Json
        }
        Returns: {
          call_id: string
          comment: string
          created_at: string
          created_by: string | null
          decided_at: string | null
          decided_by: string | null
          decision_comment: string | null
          evidence: Json
          finding_id: string
          id: string
          new_value: Json | null
          organisation_id: string
          reason_code: string
          status: Database["public"]["Enums"]["dispute_status"]
          vendor_id: string
        }
      }
      expired_evidence: {
        Args: {
          p_limit?: number
        }
        Returns: {
          organisation_id: string
          call_id: string
          path: string
          sha256: string
          kind: string
          expired_at: string
        }[]
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
      override_answer: {
        Args: {
          p_actor: string
          p_call_id: string
          p_item_id: string
          p_value: Json
          p_reason: string
          p_base: Json
          p_answers: Json
          p_score: Json
          p_overall: number
          p_critical: boolean
        }
        Returns: {
          actor_id: string | null
          after: Json | null
          before: Json | null
          call_id: string
          created_at: string
          dispute_id: string | null
          id: number
          item_id: string
          organisation_id: string
          overall_after: number | null
          overall_before: number | null
          reason: string
          source: string
        }
      }
      propose_remediation: {
        Args: {
          p_finding_id: string
          p_plan: Json
        }
        Returns: {
          agent_pseudonyms: string[]
          audit_result: string | null
          call_ids: string[]
          cause: Json
          clauses: string[]
          closed_at: string | null
          condition: Json
          created_at: string
          criteria: Json
          due_at: string
          effect: Json
          first_seen_at: string
          id: string
          item_id: string
          last_seen_at: string
          occurrences: number
          organisation_id: string
          plan: Json | null
          recommendation: Json
          response_due_at: string
          scenario_id: string
          severity: string
          site_id: string
          source: string
          status: Database["public"]["Enums"]["finding_status"]
          updated_at: string
          vendor_id: string
          verification_call_id: string | null
        }
      }
      publish_report: {
        Args: {
          p_actor: string
          p_report: Json
        }
        Returns: {
          bytes: number
          client_id: string | null
          code: string
          id: string
          locale: string
          organisation_id: string
          period_end: string
          period_start: string
          programme_id: string | null
          published_at: string
          published_by: string | null
          scope_kind: Database["public"]["Enums"]["report_scope"]
          scope_name: string
          sha256: string
          site_id: string | null
          status: Database["public"]["Enums"]["report_status"]
          storage_path: string
          summary: Json
          superseded_by: string | null
          vendor_id: string | null
          version: number
        }
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
      record_evidence_purge: {
        Args: {
          p_items: Json
        }
        Returns: number
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
      reveal_calibration: {
        Args: {
          p_session_id: string
        }
        Returns: {
          call_id: string
          created_at: string
          created_by: string | null
          due_at: string | null
          id: string
          organisation_id: string
          revealed_at: string | null
          status: Database["public"]["Enums"]["calibration_status"]
          title: string
        }
      }
      run_scheduled_jobs: { Args: never; Returns: Json }
      send_back_call: {
        Args: {
          p_call_id: string
          p_comment: string
        }
        Returns: {
          call_id: string
          comment: string
          created_at: string
          id: string
          organisation_id: string
          resubmitted_at: string | null
          returned_by: string | null
          shopper_id: string | null
        }
      }
      set_finding_status: {
        Args: {
          p_finding_id: string
          p_status: Database["public"]["Enums"]["finding_status"]
          p_comment?: string
        }
        Returns: {
          agent_pseudonyms: string[]
          audit_result: string | null
          call_ids: string[]
          cause: Json
          clauses: string[]
          closed_at: string | null
          condition: Json
          created_at: string
          criteria: Json
          due_at: string
          effect: Json
          first_seen_at: string
          id: string
          item_id: string
          last_seen_at: string
          occurrences: number
          organisation_id: string
          plan: Json | null
          recommendation: Json
          response_due_at: string
          scenario_id: string
          severity: string
          site_id: string
          source: string
          status: Database["public"]["Enums"]["finding_status"]
          updated_at: string
          vendor_id: string
          verification_call_id: string | null
        }
      }
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
          agent: string | null
          agent_pseudonym: string | null
          answers: Json
          call_id: string
          client_version: number
          created_at: string
          critical_failed: boolean
          current_answers: Json | null
          current_critical_failed: boolean | null
          current_overall: number | null
          current_score: Json | null
          evidence: Json
          idempotency_key: string
          kpis: Json
          markers: Json
          notes: string
          organisation_id: string
          overall: number | null
          reviewed_at: string | null
          reviewed_by: string | null
          score: Json
          shopper_id: string | null
          submitted_at: string
          timings: Json
          version: number
        }
      }
      vendor_call_results: {
        Args: {
          p_site_id?: string
          p_agent?: string
        }
        Returns: {
          call_id: string
          site_id: string
          scenario_version_id: string
          reviewed_at: string
          agent_pseudonym: string
          overall: number
          critical_failed: boolean
          categories: Json
          items: Json
        }[]
      }
      verify_report: {
        Args: {
          p_sha256: string
          p_code?: string
        }
        Returns: {
          code: string
          version: number
          status: Database["public"]["Enums"]["report_status"]
          scope_name: string
          period_start: string
          period_end: string
          published_at: string
          latest_version: number
        }[]
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
      calibration_status: "open" | "revealed"
      call_status:
        | "scheduled"
        | "in_progress"
        | "submitted"
        | "reviewed"
        | "closed"
        | "cancelled"
        | "missed"
      dispute_status: "open" | "accepted" | "partly_accepted" | "rejected"
      finding_status:
        | "open"
        | "remediation_proposed"
        | "in_remediation"
        | "closed"
        | "disputed"
        | "withdrawn"
      item_outcome: "pass" | "fail" | "na"
      organisation_kind: "audit" | "client" | "vendor"
      programme_status: "draft" | "active" | "closed"
      report_scope: "site" | "vendor" | "programme"
      report_status: "published" | "superseded"
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
      calibration_status: ["open", "revealed"],
      call_status: [
        "scheduled",
        "in_progress",
        "submitted",
        "reviewed",
        "closed",
        "cancelled",
        "missed",
      ],
      dispute_status: ["open", "accepted", "partly_accepted", "rejected"],
      finding_status: [
        "open",
        "remediation_proposed",
        "in_remediation",
        "closed",
        "disputed",
        "withdrawn",
      ],
      item_outcome: ["pass", "fail", "na"],
      organisation_kind: ["audit", "client", "vendor"],
      programme_status: ["draft", "active", "closed"],
      report_scope: ["site", "vendor", "programme"],
      report_status: ["published", "superseded"],
      scenario_kind: ["mystery_call", "vendor_audit"],
      scenario_version_status: ["draft", "published", "retired"],
    },
  },
} as const
